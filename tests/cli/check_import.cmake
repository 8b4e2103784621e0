# `ripple import FILE --map MAP` then `ripple schedule --format csv` on the result: the
# activity, start, finish, early_start and early_finish columns must equal EXPECTED (dates worked
# out by hand from the schedule's calendar; docs/import.md).
execute_process(COMMAND ${RIPPLE} import ${FILE} --map ${MAP} --out ${OUT}
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "ripple import exited ${code}:\n${err}")
endif()
execute_process(COMMAND ${RIPPLE} schedule ${OUT} --format csv
                RESULT_VARIABLE code OUTPUT_VARIABLE csv ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "ripple schedule exited ${code}:\n${err}")
endif()
string(REPLACE "\n" ";" lines "${csv}")
set(actual "")
foreach(line ${lines})
  string(REPLACE "," ";" cells "${line}")
  list(SUBLIST cells 1 5 kept)
  list(JOIN kept "," row)
  string(APPEND actual "${row}\n")
endforeach()
file(READ ${EXPECTED} expected)
if(NOT actual STREQUAL expected)
  message(FATAL_ERROR "schedule differs from ${EXPECTED}\n--- expected\n${expected}--- actual\n${actual}")
endif()
