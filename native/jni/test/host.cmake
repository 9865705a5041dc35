# The JNI test host: runs libtapibridge without a JVM (a fake JavaVM of its own) and drives a call
# completion round trip through its natives against libtapisim. Included by native/CMakeLists.txt
# after the tapibridge and tapisim targets and enable_testing().
#
# JNI headers: TAPIBRIDGE_JNI_INCLUDE_DIRS when set (a cross build: the JDK's include/ and our
# jni/win32 for jni_md.h), else those of find_package(JNI). Only headers: the host needs no libjvm.
if(DEFINED TAPIBRIDGE_JNI_INCLUDE_DIRS)
  set(_tapibridge_host_jni_includes ${TAPIBRIDGE_JNI_INCLUDE_DIRS})
else()
  set(_tapibridge_host_jni_includes ${JNI_INCLUDE_DIRS})
endif()

add_executable(tapibridge-jni-host
  "${CMAKE_CURRENT_LIST_DIR}/jni_host.c"
  "${CMAKE_CURRENT_LIST_DIR}/host_system.c"
  "${CMAKE_CURRENT_LIST_DIR}/host_round_trip.c"
  "${CMAKE_CURRENT_LIST_DIR}/host_isolation.c"
  "${CMAKE_CURRENT_LIST_DIR}/fake_jvm.c")
target_include_directories(tapibridge-jni-host PRIVATE
  "${CMAKE_CURRENT_SOURCE_DIR}/include" "${CMAKE_CURRENT_SOURCE_DIR}/jni"
  ${_tapibridge_host_jni_includes})
if(WIN32)
  target_link_libraries(tapibridge-jni-host PRIVATE shell32)
else()
  target_link_libraries(tapibridge-jni-host PRIVATE ${CMAKE_DL_LIBS})
endif()
# Loaded at run time, not linked: build them before the host's test runs.
add_dependencies(tapibridge-jni-host tapibridge tapisim)

add_test(NAME jni_host
  COMMAND tapibridge-jni-host $<TARGET_FILE:tapibridge> $<TARGET_FILE:tapisim>)
set_tests_properties(jni_host PROPERTIES
  TIMEOUT 60
  FAIL_REGULAR_EXPRESSION "not ok - |Sanitizer|runtime error")

# Windows: a fake tapi32.dll beside the host and in its working directory (one folder of their
# own), which openSystemProvider must not load: it loads tapi32.dll from System32 only. Beside the
# executable is the first place of the default DLL search; the working directory comes after
# System32 there, so it alone would not catch a bridge that used the default search.
if(WIN32)
  set(_tapibridge_host_dir "${CMAKE_CURRENT_BINARY_DIR}/jni-host")
  add_library(tapifake_planted MODULE "${CMAKE_CURRENT_LIST_DIR}/fake_provider.c")
  target_include_directories(tapifake_planted PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/include")
  target_compile_definitions(tapifake_planted PRIVATE FAKE_PLANTED)
  set_target_properties(tapifake_planted PROPERTIES
    OUTPUT_NAME tapi32
    PREFIX ""
    LIBRARY_OUTPUT_DIRECTORY "${_tapibridge_host_dir}"
    RUNTIME_OUTPUT_DIRECTORY "${_tapibridge_host_dir}")
  set_target_properties(tapibridge-jni-host PROPERTIES
    RUNTIME_OUTPUT_DIRECTORY "${_tapibridge_host_dir}")
  add_dependencies(tapibridge-jni-host tapifake_planted)
  set_tests_properties(jni_host PROPERTIES
    WORKING_DIRECTORY "$<TARGET_FILE_DIR:tapifake_planted>")
endif()
