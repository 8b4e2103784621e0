# The library has no argument parsing, no printing and no process spawning (the CLI target owns
# them): its archive must neither define nor use Boost.Program_options, anything of
# ripple::cli, the standard streams or a process-spawning call.
# Usage: cmake -DNM=<nm> -DLIBRARY=<libripple_core.a> -P check_core_symbols.cmake
execute_process(COMMAND ${NM} -C ${LIBRARY} OUTPUT_VARIABLE symbols RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${NM} -C ${LIBRARY} failed (${rc})")
endif()
string(LENGTH "${symbols}" size)
if(size LESS 10000)
  message(FATAL_ERROR "${NM} listed almost nothing for ${LIBRARY}")
endif()
set(forbidden
  "boost::program_options" "ripple::cli::" "std::cout" "std::cerr" "std::clog"
  " U popen$" " U system$" " U fork$" " U execv" " U posix_spawn" " U printf$" " U puts$"
  " U exit$")
string(REPLACE "\n" ";" lines "${symbols}")
set(found "")
foreach(line IN LISTS lines)
  foreach(pattern IN LISTS forbidden)
    if(line MATCHES "${pattern}")
      list(APPEND found "${line}")
    endif()
  endforeach()
endforeach()
if(found)
  list(REMOVE_DUPLICATES found)
  list(JOIN found "\n" text)
  message(FATAL_ERROR "libripple_core contains CLI symbols:\n${text}")
endif()
message(STATUS "libripple_core: no Program_options, no ripple::cli, no streams or spawning")
