# CLI golden tests. Each case runs the ripple binary through tests/cli/check_golden.cmake, which
# compares the exit code and, when given, the whole stdout and the whole stderr, each on its own:
# STDOUT/STDERR name a file holding the exact expected text, or say EMPTY. CONTAINS looks for a
# text in stdout and stderr joined (for cases about one value of a long report). The build
# folder in an output is written `<build>` (so expected files do not depend on where you build).
# After an intended change of an output, rewrite the expected files and review the diff:
#   RIPPLE_GOLDEN_UPDATE=1 ctest --test-dir build/ci -R '^cli\.'   then   git diff tests/

# ripple_golden_test(NAME name ARGS a;b;c EXIT n [STDOUT file|EMPTY] [STDERR file|EMPTY]
#                    [CONTAINS text] [WORKDIR dir])
function(ripple_golden_test)
  cmake_parse_arguments(G "" "NAME;EXIT;STDOUT;STDERR;CONTAINS;WORKDIR" "ARGS" ${ARGN})
  if(NOT G_WORKDIR)
    set(G_WORKDIR ${PROJECT_SOURCE_DIR})
  endif()
  list(JOIN G_ARGS "::" args)  # check_golden.cmake splits it again
  add_test(NAME cli.${G_NAME}
    COMMAND ${CMAKE_COMMAND} -DRIPPLE=$<TARGET_FILE:ripple> "-DARGS=${args}" -DEXIT=${G_EXIT}
            -DSTDOUT_FILE=${G_STDOUT} -DSTDERR_FILE=${G_STDERR} "-DCONTAINS=${G_CONTAINS}"
            -DBUILD_DIR=${PROJECT_BINARY_DIR}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_golden.cmake
    WORKING_DIRECTORY ${G_WORKDIR})
endfunction()

# Every bad scenario in tests/data/invalid/ fails validation with exit 3, exactly the
# diagnostics written beside it in NAME.expected on stderr, and nothing on stdout.
file(GLOB RIPPLE_INVALID_SCENARIOS CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_SOURCE_DIR}/data/invalid/*.yaml)
foreach(scenario ${RIPPLE_INVALID_SCENARIOS})
  get_filename_component(name ${scenario} NAME_WE)
  get_filename_component(file ${scenario} NAME)
  ripple_golden_test(NAME invalid.${name} ARGS validate;${file} EXIT 3 STDOUT EMPTY
                     STDERR ${CMAKE_CURRENT_SOURCE_DIR}/data/invalid/${name}.expected
                     WORKDIR ${CMAKE_CURRENT_SOURCE_DIR}/data/invalid)
endforeach()

# `ripple --help` and every command's --help, whole (docs/cli.md is generated from them).
set(RIPPLE_GOLDEN_DIR ${CMAKE_CURRENT_SOURCE_DIR}/cli/expected)
ripple_golden_test(NAME help ARGS --help EXIT 0
                   STDOUT ${RIPPLE_GOLDEN_DIR}/help.stdout STDERR EMPTY)
ripple_golden_test(NAME help_without_command ARGS "" EXIT 2
                   STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/help.stdout)
# The commands are those that help.stdout lists, so a new command gets its case (and fails until
# its expected file is written, e.g. with RIPPLE_GOLDEN_UPDATE=1).
file(STRINGS ${RIPPLE_GOLDEN_DIR}/help.stdout RIPPLE_HELP_LINES REGEX "^  [a-z]+  ")
set(RIPPLE_COMMANDS "")
foreach(line IN LISTS RIPPLE_HELP_LINES)
  string(REGEX MATCH "^  ([a-z]+)" _ "${line}")
  list(APPEND RIPPLE_COMMANDS ${CMAKE_MATCH_1})
endforeach()
set_property(DIRECTORY APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS ${RIPPLE_GOLDEN_DIR}/help.stdout)
foreach(command IN LISTS RIPPLE_COMMANDS)
  ripple_golden_test(NAME help_${command} ARGS ${command};--help EXIT 0
                     STDOUT ${RIPPLE_GOLDEN_DIR}/help_${command}.stdout STDERR EMPTY)
endforeach()

# Every bad schedule in tests/data/import/invalid/ fails `ripple import` with exit 3, exactly the
# diagnostics in NAME_EXT.expected on stderr, and nothing on stdout.
file(GLOB RIPPLE_INVALID_SCHEDULES CONFIGURE_DEPENDS
     ${CMAKE_CURRENT_SOURCE_DIR}/data/import/invalid/*.xer
     ${CMAKE_CURRENT_SOURCE_DIR}/data/import/invalid/*.xml
     ${CMAKE_CURRENT_SOURCE_DIR}/data/import/invalid/*.txt)
foreach(schedule ${RIPPLE_INVALID_SCHEDULES})
  get_filename_component(name ${schedule} NAME_WE)
  get_filename_component(file ${schedule} NAME)
  get_filename_component(ext ${schedule} EXT)
  string(SUBSTRING ${ext} 1 -1 ext)
  ripple_golden_test(NAME import_invalid.${name}_${ext} ARGS import;${file} EXIT 3 STDOUT EMPTY
                     STDERR ${CMAKE_CURRENT_SOURCE_DIR}/data/import/invalid/${name}_${ext}.expected
                     WORKDIR ${CMAKE_CURRENT_SOURCE_DIR}/data/import/invalid)
endforeach()

# Imported fixtures schedule on the dates worked out by hand (and recorded in the files).
foreach(fixture plant.xer:plant.expected.csv plant.xml:plant_mspdi.expected.csv)
  string(REPLACE ":" ";" parts ${fixture})
  list(GET parts 0 file)
  list(GET parts 1 expected)
  add_test(NAME cli.import_schedule.${file}
    COMMAND ${CMAKE_COMMAND} -DRIPPLE=$<TARGET_FILE:ripple>
            -DFILE=${CMAKE_CURRENT_SOURCE_DIR}/data/import/${file}
            -DMAP=${CMAKE_CURRENT_SOURCE_DIR}/data/import/plant_map.yaml
            -DOUT=${CMAKE_CURRENT_BINARY_DIR}/imported_${file}.yaml
            -DEXPECTED=${CMAKE_CURRENT_SOURCE_DIR}/data/import/${expected}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_import.cmake)
endforeach()

# A scenario written as MS Project XML and imported back schedules on the same dates.
foreach(scenario tests/data/import/roundtrip.yaml tests/data/import/plant_scenario.yaml)
  get_filename_component(name ${scenario} NAME_WE)
  add_test(NAME cli.import_roundtrip.${name}
    COMMAND ${CMAKE_COMMAND} -DRIPPLE=$<TARGET_FILE:ripple>
            -DSCENARIO=${PROJECT_SOURCE_DIR}/${scenario}
            -DMAP=${CMAKE_CURRENT_SOURCE_DIR}/data/import/fill_all_map.yaml
            -DWORK=${CMAKE_CURRENT_BINARY_DIR}/roundtrip_${name}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cli/check_roundtrip.cmake)
endforeach()

include(${CMAKE_CURRENT_SOURCE_DIR}/cli/cases.cmake)
