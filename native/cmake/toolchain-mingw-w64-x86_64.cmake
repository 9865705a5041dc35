# Cross build for 64-bit Windows with Debian's mingw-w64 (gcc-mingw-w64-x86-64):
#   cmake -S native -B native/target/cmake-win64 -DJAVA_HOME=<a JDK> \
#         -DCMAKE_TOOLCHAIN_FILE="$PWD/native/cmake/toolchain-mingw-w64-x86_64.cmake"
# (an absolute path: CMake reads a relative one from the build folder). native/pom.xml does this
# by itself when the cross compiler is installed (cmake/windows-build.cmake).
# The bundled libraries then install under win32-x86-64/; wine runs the test executables.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(TAPIBRIDGE_MINGW_PREFIX x86_64-w64-mingw32)
set(CMAKE_C_COMPILER ${TAPIBRIDGE_MINGW_PREFIX}-gcc)
find_program(TAPIBRIDGE_MINGW_CXX ${TAPIBRIDGE_MINGW_PREFIX}-g++)
if(TAPIBRIDGE_MINGW_CXX)
  set(CMAKE_CXX_COMPILER ${TAPIBRIDGE_MINGW_CXX})
endif()
set(CMAKE_RC_COMPILER ${TAPIBRIDGE_MINGW_PREFIX}-windres)

set(CMAKE_FIND_ROOT_PATH /usr/${TAPIBRIDGE_MINGW_PREFIX})
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)

# ctest runs the .exe files through wine when it is installed.
find_program(TAPIBRIDGE_WINE NAMES wine64 wine)
if(TAPIBRIDGE_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR ${TAPIBRIDGE_WINE})
endif()
