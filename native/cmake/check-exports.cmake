# Checks the dynamic symbol table of a shared library (ctest: check_exports).
#
#   cmake -DNM=nm -DLIBRARY=libtapisim.so -DALLOWED=<regex> [-DREQUIRED=a,b,c] -P check-exports.cmake
#
# Fails if a defined dynamic symbol does not match ALLOWED, or if one of REQUIRED is missing
# (for example an exported function that lost its visibility attribute).
cmake_policy(VERSION 3.20)

foreach(var NM LIBRARY ALLOWED)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check-exports: -D${var}=... is required")
  endif()
endforeach()

execute_process(
  COMMAND "${NM}" -D --defined-only "${LIBRARY}"
  RESULT_VARIABLE rc
  OUTPUT_VARIABLE out
  ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "check-exports: ${NM} -D --defined-only ${LIBRARY} failed (${rc}): ${err}")
endif()

# Lines look like "0000000000001139 T tapisim_reset"; version nodes appear as "A" symbols.
string(REPLACE "\n" ";" lines "${out}")
set(exported "")
set(unexpected "")
foreach(line IN LISTS lines)
  if(line MATCHES "^[0-9a-fA-F]* *([A-Za-z]) ([^ ]+)$")
    set(type "${CMAKE_MATCH_1}")
    set(name "${CMAKE_MATCH_2}")
    string(REGEX REPLACE "@.*$" "" name "${name}")
    if(type STREQUAL "A")
      continue()
    endif()
    list(APPEND exported "${name}")
    if(NOT name MATCHES "${ALLOWED}")
      list(APPEND unexpected "${type} ${name}")
    endif()
  endif()
endforeach()

set(missing "")
if(DEFINED REQUIRED AND NOT "${REQUIRED}" STREQUAL "")
  string(REPLACE "," ";" required "${REQUIRED}")
  foreach(name IN LISTS required)
    if(NOT name IN_LIST exported)
      list(APPEND missing "${name}")
    endif()
  endforeach()
endif()

list(LENGTH exported count)
message(STATUS "${LIBRARY}: ${count} exported symbols")
set(failed FALSE)
if(count EQUAL 0)
  message(SEND_ERROR "check-exports: ${LIBRARY} exports nothing")
  set(failed TRUE)
endif()
if(unexpected)
  list(JOIN unexpected "\n  " text)
  message(SEND_ERROR "check-exports: symbols not matching ${ALLOWED}:\n  ${text}")
  set(failed TRUE)
endif()
if(missing)
  list(JOIN missing "\n  " text)
  message(SEND_ERROR "check-exports: required exports missing (visibility attribute?):\n  ${text}")
  set(failed TRUE)
endif()
if(failed)
  message(FATAL_ERROR "check-exports failed")
endif()
list(SORT exported)
list(JOIN exported " " text)
message(STATUS "exports: ${text}")
