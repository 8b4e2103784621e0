# tools/ripple-plot and `--plot`: one CTest per case of check_plots.py (each runs ripple on a
# small scenario, then the script, and checks the PNG files' signature and size, or that bad
# input fails with exit 3 and a one-line message naming the file). Skipped (exit 77) when
# /usr/bin/python3 lacks matplotlib or numpy; tools/dev installs them.
set(RIPPLE_PLOT_CASES
  run_one_plant run_resources run_economy run_default_scenario run_plot_flag run_plot_without_matplotlib
  run_bad_year run_with_mc_whiskers run_versus mc mc_schedule_network mc_resources sweep compare
  bad_missing_dir bad_not_ripple_output bad_missing_file bad_empty_csv bad_header_only
  bad_wrong_columns bad_number bad_resources_number bad_empty_file_argument bad_mc_summary)
foreach(case ${RIPPLE_PLOT_CASES})
  add_test(NAME plots.${case}
    COMMAND /usr/bin/python3 ${CMAKE_CURRENT_SOURCE_DIR}/plots/check_plots.py
            $<TARGET_FILE:ripple> ${PROJECT_SOURCE_DIR} ${CMAKE_CURRENT_BINARY_DIR}/plots/${case}
            ${case}
    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
  set_tests_properties(plots.${case} PROPERTIES SKIP_RETURN_CODE 77 LABELS plots)
endforeach()
