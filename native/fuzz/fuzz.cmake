# The fuzz harness of the simulator (fuzz/README.md).
#
# Every build: fuzz_replay runs the harness without libFuzzer over the seed corpus (ctest
# fuzz_corpus) and over each regression input (ctest fuzz_regression_<name>), so that these
# inputs also run under gcc, the sanitizers and wine.
#
# -DTAPIBRIDGE_FUZZ=ON (clang only): tapisim-fuzz, the libFuzzer target, with the simulator's
# sources compiled again for coverage and AddressSanitizer + UndefinedBehaviorSanitizer.
# fuzz/run.sh configures, builds and runs it.
option(TAPIBRIDGE_FUZZ "Build the libFuzzer target tapisim-fuzz (clang only)" OFF)

set(_tapisim_fuzz_dir "${CMAKE_CURRENT_SOURCE_DIR}/fuzz")

set(_tapisim_fuzz_harness "${_tapisim_fuzz_dir}/harness.c" "${_tapisim_fuzz_dir}/checks.c"
  "${_tapisim_fuzz_dir}/callctl.c")
add_executable(fuzz_replay "${_tapisim_fuzz_dir}/replay.c" ${_tapisim_fuzz_harness})
target_include_directories(fuzz_replay PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/include")
target_link_libraries(fuzz_replay PRIVATE tapisim)

file(GLOB _tapisim_fuzz_corpus CONFIGURE_DEPENDS "${_tapisim_fuzz_dir}/corpus/*")
file(GLOB _tapisim_fuzz_regressions CONFIGURE_DEPENDS "${_tapisim_fuzz_dir}/regressions/*")
list(FILTER _tapisim_fuzz_regressions EXCLUDE REGEX "/README[^/]*$")
set(_tapisim_fuzz_tests)
if(_tapisim_fuzz_corpus)
  list(SORT _tapisim_fuzz_corpus)
  add_test(NAME fuzz_corpus COMMAND fuzz_replay ${_tapisim_fuzz_corpus})
  list(APPEND _tapisim_fuzz_tests fuzz_corpus)
endif()
foreach(input IN LISTS _tapisim_fuzz_regressions)
  get_filename_component(name "${input}" NAME)
  add_test(NAME fuzz_regression_${name} COMMAND fuzz_replay "${input}")
  list(APPEND _tapisim_fuzz_tests fuzz_regression_${name})
endforeach()
if(_tapisim_fuzz_tests)
  set_tests_properties(${_tapisim_fuzz_tests} PROPERTIES
    TIMEOUT ${TAPIBRIDGE_TEST_TIMEOUT}
    FAIL_REGULAR_EXPRESSION "tapisim-fuzz:|Sanitizer|runtime error")
endif()

if(TAPIBRIDGE_FUZZ)
  if(NOT CMAKE_C_COMPILER_ID MATCHES "Clang")
    message(FATAL_ERROR "TAPIBRIDGE_FUZZ needs clang (CMAKE_C_COMPILER=${CMAKE_C_COMPILER} is ${CMAKE_C_COMPILER_ID})")
  endif()
  include(CheckCSourceCompiles)
  set(CMAKE_REQUIRED_FLAGS "-fsanitize=fuzzer,address,undefined")
  set(CMAKE_REQUIRED_LINK_OPTIONS "-fsanitize=fuzzer,address,undefined")
  check_c_source_compiles("
    #include <stddef.h>
    #include <stdint.h>
    int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n);
    int LLVMFuzzerTestOneInput(const uint8_t *d, size_t n) { (void)d; (void)n; return 0; }"
    TAPIBRIDGE_HAVE_LIBFUZZER)
  unset(CMAKE_REQUIRED_FLAGS)
  unset(CMAKE_REQUIRED_LINK_OPTIONS)
  if(NOT TAPIBRIDGE_HAVE_LIBFUZZER)
    message(FATAL_ERROR "TAPIBRIDGE_FUZZ: ${CMAKE_C_COMPILER} cannot link -fsanitize=fuzzer,address,undefined "
                        "(on Debian the runtimes are in libclang-rt-<version>-dev)")
  endif()

  set(_tapisim_fuzz_common -fno-omit-frame-pointer -fno-sanitize-recover=all -g)
  add_library(tapisim_fuzz_sim STATIC ${TAPISIM_SOURCES})
  target_include_directories(tapisim_fuzz_sim
    PUBLIC "${CMAKE_CURRENT_SOURCE_DIR}/include"
    PRIVATE "${CMAKE_CURRENT_SOURCE_DIR}/sim")
  target_compile_options(tapisim_fuzz_sim PRIVATE -fsanitize=fuzzer-no-link,address,undefined ${_tapisim_fuzz_common})
  target_link_libraries(tapisim_fuzz_sim PUBLIC Threads::Threads)

  add_executable(tapisim-fuzz "${_tapisim_fuzz_dir}/fuzz_main.c" ${_tapisim_fuzz_harness})
  target_compile_options(tapisim-fuzz PRIVATE -fsanitize=fuzzer,address,undefined ${_tapisim_fuzz_common})
  target_link_options(tapisim-fuzz PRIVATE -fsanitize=fuzzer,address,undefined)
  target_link_libraries(tapisim-fuzz PRIVATE tapisim_fuzz_sim)
endif()
