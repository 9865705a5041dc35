# Checks the exports of a shared library (ctest: check_exports): the dynamic symbol table of an
# ELF library (nm), or the export and import tables of a Windows DLL (objdump -p).
#
#   cmake -DNM=nm -DLIBRARY=libtapisim.so -DALLOWED=<regex> [-DREQUIRED=a,b,c] -P check-exports.cmake
#   cmake -DOBJDUMP=objdump -DLIBRARY=tapisim.dll -DALLOWED=<regex> [-DREQUIRED=a,b,c]
#         [-DALLOWED_IMPORTS=<regex of lower-case DLL names>] -P check-exports.cmake
#
# Fails if an exported symbol does not match ALLOWED, if one of REQUIRED is missing (for example
# an exported function that lost its visibility or dllexport attribute), or if the DLL imports a
# DLL whose name does not match ALLOWED_IMPORTS.
cmake_policy(VERSION 3.20)

if(DEFINED OBJDUMP)
  set(NM "")
  set(tool OBJDUMP)
else()
  set(tool NM)
endif()
foreach(var ${tool} LIBRARY ALLOWED)
  if(NOT DEFINED ${var} OR "${${var}}" STREQUAL "")
    message(FATAL_ERROR "check-exports: -D${var}=... is required")
  endif()
endforeach()

set(exported "")
set(unexpected "")
set(imports "")
set(bad_imports "")
if(tool STREQUAL "OBJDUMP")
  execute_process(
    COMMAND "${OBJDUMP}" -p "${LIBRARY}"
    RESULT_VARIABLE rc
    OUTPUT_VARIABLE out
    ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "check-exports: ${OBJDUMP} -p ${LIBRARY} failed (${rc}): ${err}")
  endif()
  # Imports: "\tDLL Name: KERNEL32.dll". Exports: the rows after "[Ordinal/Name Pointer] Table"
  # until the next blank line, each "\t[   3] lineDial".
  string(REPLACE "\n" ";" lines "${out}")
  set(in_names FALSE)
  foreach(line IN LISTS lines)
    if(line MATCHES "DLL Name: ([^ \t]+)")
      string(TOLOWER "${CMAKE_MATCH_1}" dll)
      list(APPEND imports "${dll}")
      if(DEFINED ALLOWED_IMPORTS AND NOT dll MATCHES "${ALLOWED_IMPORTS}")
        list(APPEND bad_imports "${dll}")
      endif()
    elseif(line MATCHES "^\\[Ordinal/Name Pointer\\] Table")
      set(in_names TRUE)
    elseif(in_names AND line MATCHES "^[ \t]*\\[ *[0-9]+\\] ([^ \t]+)$")
      list(APPEND exported "${CMAKE_MATCH_1}")
      if(NOT CMAKE_MATCH_1 MATCHES "${ALLOWED}")
        list(APPEND unexpected "${CMAKE_MATCH_1}")
      endif()
    elseif(in_names AND line MATCHES "^[ \t]*$")
      set(in_names FALSE)
    endif()
  endforeach()
  set(lines "")
else()
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
endif()
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
if(bad_imports)
  list(JOIN bad_imports "\n  " text)
  message(SEND_ERROR "check-exports: imports not matching ${ALLOWED_IMPORTS}:\n  ${text}")
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
if(imports)
  list(JOIN imports " " text)
  message(STATUS "imports: ${text}")
endif()
list(SORT exported)
list(JOIN exported " " text)
message(STATUS "exports: ${text}")
