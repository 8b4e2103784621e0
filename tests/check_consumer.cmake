# Installs ripple into a temporary prefix, builds examples/consumer against it with
# find_package(ripple), runs it on the default scenario and checks that it prints the TOTAL row
# the installed CLI writes for the same scenario.
# Usage: cmake -DBUILD=<build dir> -DSOURCE=<source dir> -DWORK=<scratch dir> -DCXX=<compiler>
#              -DGENERATOR=<generator> -P check_consumer.cmake
file(REMOVE_RECURSE ${WORK})
function(run)
  execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err
                  WORKING_DIRECTORY ${SOURCE})
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "failed (${rc}): ${ARGN}\n${out}\n${err}")
  endif()
  set(out "${out}" PARENT_SCOPE)
endfunction()

run(${CMAKE_COMMAND} --install ${BUILD} --prefix ${WORK}/prefix)
foreach(file lib/cmake/ripple/ripple-config.cmake lib/cmake/ripple/ripple-config-version.cmake
             lib/cmake/ripple/rippleTargets.cmake include/ripple/ripple.hpp
             include/ripple/version.hpp bin/ripple share/ripple/tools/ripple-plot)
  if(NOT EXISTS ${WORK}/prefix/${file})
    message(FATAL_ERROR "the install lacks ${file}")
  endif()
endforeach()
run(${CMAKE_COMMAND} -S ${SOURCE}/examples/consumer -B ${WORK}/build -G ${GENERATOR}
    -DCMAKE_CXX_COMPILER=${CXX} -DCMAKE_BUILD_TYPE=Release -DCMAKE_PREFIX_PATH=${WORK}/prefix)
run(${CMAKE_COMMAND} --build ${WORK}/build)
run(${WORK}/build/consumer scenarios/kazakhstan_2025.yaml)
set(consumer "${out}")
run(${WORK}/prefix/bin/ripple run scenarios/kazakhstan_2025.yaml --format csv --out ${WORK}/run)
string(REGEX MATCH "\nTOTAL,[^\n]*\n" total "${out}")
if(total STREQUAL "")
  message(FATAL_ERROR "no TOTAL row in the CLI's summary:\n${out}")
endif()
string(STRIP "${total}" total)
string(FIND "${consumer}" "${total}\n" at)
if(NOT at EQUAL 0)
  message(FATAL_ERROR "the consumer's totals differ from the CLI's\nconsumer:\n${consumer}\ncli:\n${total}")
endif()
if(NOT consumer MATCHES "job-years direct [0-9]")
  message(FATAL_ERROR "the consumer printed no job-years:\n${consumer}")
endif()
message(STATUS "consumer:\n${consumer}")
