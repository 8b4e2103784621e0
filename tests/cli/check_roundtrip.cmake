# SCENARIO -> `ripple schedule --format mspdi` -> `ripple import --map MAP` -> `ripple schedule`:
# every activity keeps its start, finish, early start and early finish (rows compared sorted:
# the import names activities after their MS Project task names).
function(schedule_rows scenario out_var)
  execute_process(COMMAND ${RIPPLE} schedule ${scenario} --format csv
                  RESULT_VARIABLE code OUTPUT_VARIABLE csv ERROR_VARIABLE err)
  if(NOT code EQUAL 0)
    message(FATAL_ERROR "ripple schedule ${scenario} exited ${code}:\n${err}")
  endif()
  string(REPLACE "\n" ";" lines "${csv}")
  list(REMOVE_AT lines 0)
  set(rows "")
  foreach(line ${lines})
    string(REPLACE "," ";" cells "${line}")
    list(SUBLIST cells 2 4 kept)
    list(JOIN kept "," row)
    list(APPEND rows "${row}")
  endforeach()
  list(SORT rows)
  set(${out_var} "${rows}" PARENT_SCOPE)
endfunction()

execute_process(COMMAND ${RIPPLE} schedule ${SCENARIO} --format mspdi
                RESULT_VARIABLE code OUTPUT_FILE ${WORK}.xml ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "ripple schedule --format mspdi exited ${code}:\n${err}")
endif()
execute_process(COMMAND ${RIPPLE} import ${WORK}.xml --map ${MAP} --out ${WORK}.yaml
                RESULT_VARIABLE code ERROR_VARIABLE err)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "ripple import exited ${code}:\n${err}")
endif()
schedule_rows(${SCENARIO} before)
schedule_rows(${WORK}.yaml after)
if(NOT before STREQUAL after)
  string(REPLACE ";" "\n" before "${before}")
  string(REPLACE ";" "\n" after "${after}")
  message(FATAL_ERROR "the round trip moved dates\n--- before\n${before}\n--- after\n${after}")
endif()
