# Fails when docs/cli.md differs from what tools/gen-cli-doc makes from the built binary.
execute_process(COMMAND ${SOURCE}/tools/gen-cli-doc ${RIPPLE} ${OUT} RESULT_VARIABLE code)
if(NOT code EQUAL 0)
  message(FATAL_ERROR "tools/gen-cli-doc failed (${code})")
endif()
execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT} ${SOURCE}/docs/cli.md
                RESULT_VARIABLE differ)
if(NOT differ EQUAL 0)
  message(FATAL_ERROR "docs/cli.md is out of date: run tools/gen-cli-doc build/<preset>/ripple")
endif()
