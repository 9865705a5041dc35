# The Windows x64 half of the native build, run by native/pom.xml with `cmake -P`:
#
#   cmake -DSTEP=build -DSOURCE_DIR=native -DBINARY_DIR=native/target/cmake-win64
#         -DBUILD_TYPE=Release -DJAVA_HOME=<JDK> -DINSTALL_PREFIX=native/target/classes
#         -P native/cmake/windows-build.cmake
#   cmake -DSTEP=test -DBINARY_DIR=native/target/cmake-win64 -P native/cmake/windows-build.cmake
#
# build: when the mingw-w64 cross compiler (x86_64-w64-mingw32-gcc) is installed, configures the
#   CMake project with toolchain-mingw-w64-x86_64.cmake, builds it, and installs tapibridge.dll
#   and tapisim.dll into INSTALL_PREFIX/win32-x86-64/ (the jar's classes folder).
# test: when wine is installed, runs the whole ctest suite of that build under wine, in a wine
#   prefix of its own inside the build folder.
# A missing tool is said in one line and the step passes, so that the build needs only the
# native toolchain; with the environment variable TAPIBRIDGE_REQUIRE_WINDOWS=1 (CI) it fails.
cmake_policy(VERSION 3.20)

foreach(var STEP BINARY_DIR)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "windows-build: -D${var}=... is required")
  endif()
endforeach()

set(required FALSE)
if("$ENV{TAPIBRIDGE_REQUIRE_WINDOWS}" STREQUAL "1")
  set(required TRUE)
endif()

# Stops the step: one line, and a failure only when the Windows build is required.
macro(missing what)
  if(required)
    message(FATAL_ERROR "windows-build: ${what} (TAPIBRIDGE_REQUIRE_WINDOWS is set)")
  endif()
  message(NOTICE "tapibridge: ${what}")
  return()
endmacro()

function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    list(JOIN ARGN " " text)
    message(FATAL_ERROR "windows-build: failed (${rc}): ${text}")
  endif()
endfunction()

if(STEP STREQUAL "build")
  foreach(var SOURCE_DIR BUILD_TYPE JAVA_HOME INSTALL_PREFIX)
    if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
      message(FATAL_ERROR "windows-build: -D${var}=... is required for STEP=build")
    endif()
  endforeach()
  find_program(mingw_cc x86_64-w64-mingw32-gcc)
  if(NOT mingw_cc)
    # The test step after this one then skips silently: this line has said it.
    file(REMOVE "${BINARY_DIR}/CMakeCache.txt")
    file(WRITE "${BINARY_DIR}/not-built" "no mingw-w64 cross compiler\n")
    missing("Windows x64 libraries not built: no mingw-w64 cross compiler (x86_64-w64-mingw32-gcc)")
  endif()
  file(REMOVE "${BINARY_DIR}/not-built")
  get_filename_component(source "${SOURCE_DIR}" ABSOLUTE)
  run("${CMAKE_COMMAND}" -S "${source}" -B "${BINARY_DIR}"
      "-DCMAKE_BUILD_TYPE=${BUILD_TYPE}" "-DJAVA_HOME=${JAVA_HOME}"
      "-DCMAKE_TOOLCHAIN_FILE=${source}/cmake/toolchain-mingw-w64-x86_64.cmake")
  run("${CMAKE_COMMAND}" --build "${BINARY_DIR}" --config "${BUILD_TYPE}" --parallel)
  run("${CMAKE_COMMAND}" --install "${BINARY_DIR}" --config "${BUILD_TYPE}"
      --component runtime --prefix "${INSTALL_PREFIX}")
elseif(STEP STREQUAL "test")
  if(EXISTS "${BINARY_DIR}/not-built" AND NOT required)
    return()
  endif()
  if(NOT EXISTS "${BINARY_DIR}/CMakeCache.txt")
    missing("Windows x64 tests not run: the Windows libraries were not built")
  endif()
  find_program(wine NAMES wine64 wine PATHS /usr/lib/wine)
  if(NOT wine)
    missing("Windows x64 tests not run: wine not found")
  endif()
  find_program(wineserver NAMES wineserver64 wineserver PATHS /usr/lib/wine)
  get_filename_component(cmake_bin "${CMAKE_COMMAND}" DIRECTORY)
  find_program(ctest ctest HINTS "${cmake_bin}" REQUIRED)
  set(prefix "${BINARY_DIR}/wine-prefix")
  # No desktop, no Mono/Gecko install prompts, no menu entries, no wine debug chatter.
  set(env "${CMAKE_COMMAND}" -E env --unset=DISPLAY --unset=WAYLAND_DISPLAY
      "WINEPREFIX=${prefix}" WINEARCH=win64 WINEDEBUG=-all
      "WINEDLLOVERRIDES=mscoree,mshtml=;winemenubuilder.exe=d")
  execute_process(
    COMMAND ${env} "${ctest}" --test-dir "${BINARY_DIR}" --output-on-failure
            --no-tests=error --timeout 120
    RESULT_VARIABLE rc)
  if(wineserver)
    execute_process(COMMAND ${env} "${wineserver}" -k OUTPUT_QUIET ERROR_QUIET)
  endif()
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "windows-build: ctest under wine failed (${rc})")
  endif()
else()
  message(FATAL_ERROR "windows-build: STEP must be build or test, not '${STEP}'")
endif()
