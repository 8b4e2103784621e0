# CLI golden cases: one line each. See golden.cmake for the arguments.
ripple_golden_test(NAME version ARGS --version EXIT 0 STDOUT ${RIPPLE_GOLDEN_DIR}/version.stdout STDERR EMPTY)
ripple_golden_test(NAME unknown_command ARGS frobnicate EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/unknown_command.stderr)
ripple_golden_test(NAME multipliers_beutel_csv ARGS multipliers;tests/data/economy/beutel.yaml;--format;csv EXIT 0 STDOUT ${PROJECT_SOURCE_DIR}/tests/data/economy/beutel_multipliers.expected.csv)
ripple_golden_test(NAME multipliers_beutel_table ARGS multipliers;tests/data/economy/beutel.yaml EXIT 0 CONTAINS "agr         1.7048     2.6414    1.9528     3.2987  0.8450  1.3514  1.3071  1.7389")
ripple_golden_test(NAME multipliers_unknown_region ARGS multipliers;tests/data/economy/beutel.yaml;--region;x EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/multipliers_unknown_region.stderr)
ripple_golden_test(NAME multipliers_non_numeric ARGS multipliers;tests/data/economy/invalid/non_numeric.yaml;--no-households EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/multipliers_non_numeric.stderr)
ripple_golden_test(NAME multipliers_column_sum ARGS multipliers;tests/data/economy/invalid/column_sum.yaml;--no-households EXIT 4 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/multipliers_column_sum.stderr)
ripple_golden_test(NAME multipliers_no_closure_data ARGS multipliers;tests/data/economy/hand_2x2.yaml EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/multipliers_no_closure_data.stderr)
ripple_golden_test(NAME schedule_csv_header ARGS schedule;scenarios/kazakhstan_2025.yaml;--format;csv EXIT 0 CONTAINS "project,activity,start,finish,early_start,early_finish,late_start,late_finish,total_float_days,critical,wait_days,waited_for,imported_share")
ripple_golden_test(NAME schedule_critical_path ARGS schedule;scenarios/kazakhstan_2025.yaml EXIT 0 CONTAINS "satimola (finish 2035-07-01): satimola.shaft_freezing -> satimola.shaft_sinking -> satimola.phase_1")
ripple_golden_test(NAME schedule_json ARGS schedule;scenarios/kazakhstan_2025.yaml;--format;json EXIT 0 CONTAINS "\"critical_paths\"")
ripple_golden_test(NAME schedule_bad_format ARGS schedule;scenarios/kazakhstan_2025.yaml;--format;xml EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/schedule_bad_format.stderr)
ripple_golden_test(NAME validate_example ARGS validate;tests/data/example.yaml EXIT 0 STDOUT ${PROJECT_SOURCE_DIR}/tests/data/validate_ok.expected STDERR EMPTY)
ripple_golden_test(NAME validate_default_scenario ARGS validate;scenarios/kazakhstan_2025.yaml EXIT 0 STDOUT ${PROJECT_SOURCE_DIR}/tests/data/validate_ok.expected STDERR EMPTY)
ripple_golden_test(NAME validate_missing_file ARGS validate;tests/data/no_such_scenario.yaml EXIT 1 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/validate_missing_file.stderr)
ripple_golden_test(NAME validate_no_scenario ARGS validate EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/validate_no_scenario.stderr)
ripple_golden_test(NAME multipliers_kazakhstan_illustrative ARGS multipliers;scenarios/economy/kazakhstan/economy.yaml;--region;abay EXIT 0 CONTAINS "ILLUSTRATIVE economy")
ripple_golden_test(NAME compare_self_all_zero ARGS compare;tests/data/compare/two_plants.yaml;tests/data/compare/two_plants.yaml;--format;csv EXIT 0 STDOUT ${PROJECT_SOURCE_DIR}/tests/data/compare/self.expected.csv)
ripple_golden_test(NAME compare_one_year_late_csv ARGS "compare;tests/data/compare/two_plants.yaml;--alt-set;projects.plant_a.phases.works.duration=36 months;--format;csv" EXIT 0 CONTAINS "plant_a,commissioning,2028-01,2029-01,12.000")
ripple_golden_test(NAME compare_one_year_late_table ARGS "compare;tests/data/compare/two_plants.yaml;--alt-set;projects.plant_a.phases.works.duration=36 months;--label;Plant A one year late" EXIT 0 CONTAINS "Plant A one year late: plant_a commissioning +12.0 months;")
ripple_golden_test(NAME compare_one_year_late_json ARGS "compare;tests/data/compare/two_plants.yaml;--alt-set;projects.plant_a.phases.works.duration=36 months;--format;json" EXIT 0 CONTAINS "\"delta_months\": 12.0")
ripple_golden_test(NAME compare_bad_alt_set_path ARGS "compare;tests/data/compare/two_plants.yaml;--alt-set;projects.plant_a.phases.wroks.duration=36 months" EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/compare_bad_alt_set_path.stderr)
ripple_golden_test(NAME compare_no_alt ARGS compare;tests/data/compare/two_plants.yaml EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/compare_no_alt.stderr)
ripple_golden_test(NAME compare_bad_format ARGS compare;tests/data/compare/two_plants.yaml;tests/data/compare/two_plants.yaml;--format;xml EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/compare_bad_format.stderr)
ripple_golden_test(NAME compare_kazakhstan_satimola_shafts ARGS "compare;scenarios/kazakhstan_2025.yaml;--alt-set;projects.satimola.phases.shaft_sinking.duration=45 months;--format;csv" EXIT 0 CONTAINS "satimola,commissioning,2029-07,2030-04,9.000")

# ripple run: the default scenario's whole summary table (stdout) and note (stderr)
ripple_golden_test(NAME run_default_table
  ARGS run;scenarios/kazakhstan_2025.yaml;--out;${CMAKE_CURRENT_BINARY_DIR}/out/kazakhstan
  EXIT 0 STDOUT ${RIPPLE_GOLDEN_DIR}/run_default.stdout STDERR ${RIPPLE_GOLDEN_DIR}/run_default.stderr)
ripple_golden_test(NAME run_one_plant_csv
  ARGS run;tests/data/run/one_plant.yaml;--format;csv;--out;${CMAKE_CURRENT_BINARY_DIR}/out/one_plant
  EXIT 0 STDOUT ${CMAKE_CURRENT_SOURCE_DIR}/data/run/one_plant.summary.csv)
ripple_golden_test(NAME run_default_totals
  ARGS run;scenarios/kazakhstan_2025.yaml;--format;csv;--out;${CMAKE_CURRENT_BINARY_DIR}/out/kz_csv
  EXIT 0 CONTAINS "TOTAL,all,2029-07,2037-07,10100.000,")
ripple_golden_test(NAME run_set_changes_the_run
  ARGS "run;tests/data/run/one_plant.yaml;--format;csv;--set;projects.plant.phases.build.duration=24 months;--out;${CMAKE_CURRENT_BINARY_DIR}/out/one_plant_set"
  EXIT 0 CONTAINS "plant,north,2027-01,2028-01,")
ripple_golden_test(NAME run_set_unknown_path
  ARGS "run;tests/data/run/one_plant.yaml;--set;projects.plnt.phases.build.duration=2 years"
  EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/run_set_unknown_path.stderr)
ripple_golden_test(NAME run_set_bad_value
  ARGS "run;tests/data/run/one_plant.yaml;--set;projects.plant.phases.build.duration=-2 years"
  EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/run_set_bad_value.stderr)
ripple_golden_test(NAME run_unknown_purchase_sector
  ARGS run;tests/data/run/one_plant_unknown_purchase_sector.yaml;--out;${CMAKE_CURRENT_BINARY_DIR}/out/unknown_purchase
  EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/run_unknown_purchase_sector.stderr)
ripple_golden_test(NAME run_flags_overstated_plant
  ARGS "run;tests/data/run/one_plant_economy.yaml;--set;projects.plant.products.widget.price_per_unit=10000000;--out;${CMAKE_CURRENT_BINARY_DIR}/out/flagged"
  EXIT 0 CONTAINS "FLAG: plant makes 19.4x its sectors' average output per worker without operating purchases")
ripple_golden_test(NAME run_bad_format ARGS run;tests/data/run/one_plant.yaml;--format;xml
  EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/run_bad_format.stderr)
ripple_golden_test(NAME run_missing_file ARGS run;no/such/scenario.yaml EXIT 1 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/run_missing_file.stderr)
ripple_golden_test(NAME compare_added_removed ARGS compare;tests/data/compare/two_plants.yaml;tests/data/compare/plant_a_and_c.yaml EXIT 0 CONTAINS "plant_c (added)    -              2027-01    n/a")
ripple_golden_test(NAME sweep_no_vary ARGS sweep;tests/data/sweep/two_projects.yaml EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/sweep_no_vary.stderr)
ripple_golden_test(NAME sweep_bad_shard ARGS sweep;tests/data/sweep/two_projects.yaml;--vary;economy.flq_delta=0.2,0.3;--shard;5/4 EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/sweep_bad_shard.stderr)
ripple_golden_test(NAME sweep_bad_range ARGS "sweep;tests/data/sweep/two_projects.yaml;--vary;projects.mine.phases.shafts.duration=30:20:6 months" EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/sweep_bad_range.stderr)
ripple_golden_test(NAME sweep_bad_format ARGS sweep;tests/data/sweep/two_projects.yaml;--vary;economy.flq_delta=0.2;--format;json EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/sweep_bad_format.stderr)
ripple_golden_test(NAME sweep_count ARGS "sweep;tests/data/sweep/two_projects.yaml;--vary;projects.mine.phases.shafts.duration=30:42:6 months;--vary;economy.flq_delta=0.2,0.25,0.3;--count" EXIT 0 STDOUT ${PROJECT_SOURCE_DIR}/tests/data/sweep/count.expected)
ripple_golden_test(NAME sweep_failing_point ARGS "sweep;tests/data/sweep/two_projects.yaml;--vary;projects.mine.phases.shafts.duration=36 months,0 months" EXIT 3 STDOUT ${RIPPLE_GOLDEN_DIR}/sweep_failing_point.stdout STDERR ${RIPPLE_GOLDEN_DIR}/sweep_failing_point.stderr)
# The same point failing on one thread, on two, and through the re-read path: the same bytes.
ripple_golden_test(NAME sweep_failing_point_one_thread ARGS "sweep;tests/data/sweep/two_projects.yaml;--vary;projects.mine.phases.shafts.duration=36 months,0 months;--threads;1" EXIT 3 STDOUT ${RIPPLE_GOLDEN_DIR}/sweep_failing_point.stdout STDERR ${RIPPLE_GOLDEN_DIR}/sweep_failing_point.stderr)
ripple_golden_test(NAME sweep_failing_point_two_threads_reread ARGS "sweep;tests/data/sweep/two_projects.yaml;--vary;projects.mine.phases.shafts.duration=36 months,0 months;--threads;2;--reread" EXIT 3 STDOUT ${RIPPLE_GOLDEN_DIR}/sweep_failing_point.stdout STDERR ${RIPPLE_GOLDEN_DIR}/sweep_failing_point.stderr)
ripple_golden_test(NAME sweep_bad_threads ARGS sweep;tests/data/sweep/two_projects.yaml;--vary;economy.flq_delta=0.2,0.3;--threads;0 EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/sweep_bad_threads.stderr)
ripple_golden_test(NAME sweep_unknown_key ARGS "sweep;tests/data/sweep/two_projects.yaml;--vary;projects.mine.phases.shaft.duration=36 months" EXIT 3 STDOUT ${RIPPLE_GOLDEN_DIR}/sweep_unknown_key.stdout STDERR ${RIPPLE_GOLDEN_DIR}/sweep_unknown_key.stderr)
ripple_golden_test(NAME sweep_invalid_economy_option ARGS sweep;tests/data/sweep/two_projects.yaml;--vary;economy.flq_delta=0.25,1.5 EXIT 3 STDOUT ${RIPPLE_GOLDEN_DIR}/sweep_invalid_economy_option.stdout STDERR ${RIPPLE_GOLDEN_DIR}/sweep_invalid_economy_option.stderr)
ripple_golden_test(NAME merge_shards ARGS merge;tests/data/sweep/merge/shard-2.csv;tests/data/sweep/merge/shard-1.csv EXIT 0 STDOUT ${PROJECT_SOURCE_DIR}/tests/data/sweep/merge/merged.expected.csv)
ripple_golden_test(NAME merge_gap ARGS merge;tests/data/sweep/merge/shard-1.csv EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/merge_gap.stderr)
ripple_golden_test(NAME merge_duplicate ARGS merge;tests/data/sweep/merge/shard-1.csv;tests/data/sweep/merge/shard-1.csv;tests/data/sweep/merge/shard-2.csv EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/merge_duplicate.stderr)
ripple_golden_test(NAME merge_header_differs ARGS merge;tests/data/sweep/merge/shard-1.csv;tests/data/sweep/merge/other-header.csv EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/merge_header_differs.stderr)
ripple_golden_test(NAME merge_points ARGS merge;tests/data/sweep/merge/shard-1.csv;tests/data/sweep/merge/shard-2.csv;--points;6 EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/merge_points.stderr)
ripple_golden_test(NAME merge_no_files ARGS merge EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/merge_no_files.stderr)
ripple_golden_test(NAME mc_runs_required ARGS mc;tests/data/mc/two_projects.yaml EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/mc_runs_required.stderr)
ripple_golden_test(NAME mc_bad_shard ARGS mc;tests/data/mc/two_projects.yaml;--runs;10;--shard;4/3 EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/mc_bad_shard.stderr)
ripple_golden_test(NAME mc_bad_jobs_year ARGS mc;tests/data/mc/two_projects.yaml;--runs;10;--jobs-year;2050;--out;${CMAKE_BINARY_DIR}/golden_mc_year EXIT 2 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/mc_bad_jobs_year.stderr)
ripple_golden_test(NAME mc_two_projects ARGS mc;tests/data/mc/two_projects.yaml;--runs;500;--threads;2;--out;${CMAKE_BINARY_DIR}/golden_mc EXIT 0 CONTAINS "risky    2027-06       67.8%  2027-06  2027-06  2027-08")
ripple_golden_test(NAME compare_runs_csv ARGS compare;tests/data/mc/two_projects.yaml;--alt-overlay;tests/data/mc/tri_later.yaml;--runs;200;--format;csv EXIT 0 CONTAINS "tri,commissioning_shift_months,200,4.206,3.820,-1.486,4.790,9.194,0.835")
ripple_golden_test(NAME merge_plain_directory ARGS merge;tests/data;tests/data EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/merge_plain_directory.stderr)
ripple_golden_test(NAME merge_campaign_shards ARGS merge;tests/data/sweep/merge/campaign-a-2.csv;tests/data/sweep/merge/campaign-a-1.csv EXIT 0 STDOUT ${PROJECT_SOURCE_DIR}/tests/data/sweep/merge/campaign-merged.expected.csv)
ripple_golden_test(NAME merge_foreign_campaign ARGS merge;tests/data/sweep/merge/campaign-a-1.csv;tests/data/sweep/merge/campaign-b-2.csv EXIT 3 STDERR ${PROJECT_SOURCE_DIR}/tests/data/sweep/merge/foreign.expected.txt)
ripple_golden_test(NAME merge_cut_shard ARGS merge;tests/data/sweep/merge/campaign-a-1.csv;tests/data/sweep/merge/cut-2.csv EXIT 3 STDERR ${PROJECT_SOURCE_DIR}/tests/data/sweep/merge/cut.expected.txt)
ripple_golden_test(NAME merge_short_row ARGS merge;tests/data/sweep/merge/campaign-a-1.csv;tests/data/sweep/merge/short-row-2.csv EXIT 3 STDERR ${PROJECT_SOURCE_DIR}/tests/data/sweep/merge/short-row.expected.txt)
ripple_golden_test(NAME schedule_date_past_9999 ARGS schedule;tests/data/model/date_past_9999.yaml EXIT 4 STDERR ${PROJECT_SOURCE_DIR}/tests/data/model/date_past_9999.expected)
ripple_golden_test(NAME validate_date_past_9999 ARGS validate;tests/data/model/date_past_9999.yaml EXIT 4 STDERR ${PROJECT_SOURCE_DIR}/tests/data/model/date_past_9999.expected)
ripple_golden_test(NAME run_date_past_9999 ARGS run;tests/data/model/date_past_9999.yaml EXIT 4 STDERR ${PROJECT_SOURCE_DIR}/tests/data/model/date_past_9999.expected)
ripple_golden_test(NAME validate_missing_economy ARGS validate;tests/data/validate/missing_economy_table.yaml EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/validate_missing_economy.stderr)
ripple_golden_test(NAME run_missing_economy ARGS run;tests/data/validate/missing_economy_table.yaml;--out;${CMAKE_CURRENT_BINARY_DIR}/out/missing_economy EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/validate_missing_economy.stderr)
ripple_golden_test(NAME validate_set_unknown_key ARGS "validate;tests/data/run/one_plant.yaml;--set;projects.plant.phases.build.durationx=3 months" EXIT 3 STDERR ${PROJECT_SOURCE_DIR}/tests/data/validate/set_unknown_key.expected)
ripple_golden_test(NAME import_warns_on_stderr ARGS import;tests/data/import/plant.xer EXIT 0 CONTAINS "ripple import: warning: tests/data/import/plant.xer: table RSRC (1 row) not imported")
ripple_golden_test(NAME import_placeholders_fail_validation ARGS validate;tests/data/import/plant_placeholders.yaml EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/import_placeholders_fail_validation.stderr)
ripple_golden_test(NAME import_bad_map_field ARGS import;tests/data/import/plant.xer;--map;tests/data/import/invalid/bad_map.yaml EXIT 3 STDOUT EMPTY STDERR ${RIPPLE_GOLDEN_DIR}/import_bad_map_field.stderr)
ripple_golden_test(NAME import_xer_scenario ARGS import;tests/data/import/plant.xer;--map;tests/data/import/plant_map.yaml EXIT 0 STDOUT ${PROJECT_SOURCE_DIR}/tests/data/import/plant_scenario.yaml STDERR ${PROJECT_SOURCE_DIR}/tests/data/import/plant_import.expected.stderr)
ripple_golden_test(NAME import_mspdi_scenario ARGS import;tests/data/import/plant.xml;--map;tests/data/import/plant_map.yaml EXIT 0 STDOUT ${PROJECT_SOURCE_DIR}/tests/data/import/plant_mspdi_scenario.yaml STDERR ${PROJECT_SOURCE_DIR}/tests/data/import/plant_mspdi_import.expected.stderr)
ripple_golden_test(NAME validate_unknown_region_sector ARGS validate;unknown_region_sector.yaml EXIT 3 STDERR ${PROJECT_SOURCE_DIR}/tests/data/validate/unknown_region_sector.expected WORKDIR ${PROJECT_SOURCE_DIR}/tests/data/validate)
ripple_golden_test(NAME multipliers_duplicate_row ARGS multipliers;tests/data/economy/invalid/duplicate_row.yaml;--no-households EXIT 3 STDOUT EMPTY STDERR ${PROJECT_SOURCE_DIR}/tests/data/economy/invalid/duplicate_row.expected)
ripple_golden_test(NAME multipliers_aliased_sector ARGS multipliers;tests/data/economy/invalid/aliased_sector.yaml;--no-households EXIT 3 STDOUT EMPTY STDERR ${PROJECT_SOURCE_DIR}/tests/data/economy/invalid/aliased_sector.expected)
ripple_golden_test(NAME multipliers_missing_table ARGS multipliers;tests/data/economy/invalid/missing_table.yaml;--no-households EXIT 3 STDOUT EMPTY STDERR ${PROJECT_SOURCE_DIR}/tests/data/economy/invalid/missing_table.expected)

# Shared resources (docs/scheduling.md, "Shared resources"): waits, what was waited for, imports.
ripple_golden_test(NAME resources_schedule_waits
  ARGS schedule;tests/data/resources/two_crews.yaml;--format;csv
  EXIT 0 STDOUT ${CMAKE_CURRENT_SOURCE_DIR}/data/resources/two_crews.schedule.csv)
# compare: phases whose waits change (docs/compare.md): crew 100 -> 200, grid step 07-01 -> 04-01
ripple_golden_test(NAME resources_compare_waits_csv
  ARGS "compare;tests/data/resources/two_crews.yaml;--alt-set;resources.crew.capacity=200;--alt-set;resources.grid.steps=[{from: 2026-04-01, capacity: 250}];--format;csv"
  EXIT 0 STDOUT ${CMAKE_CURRENT_SOURCE_DIR}/data/resources/two_crews.compare.csv STDERR EMPTY)
ripple_golden_test(NAME resources_compare_waits_table
  ARGS "compare;tests/data/resources/two_crews.yaml;--alt-set;resources.crew.capacity=200;--alt-set;resources.grid.steps=[{from: 2026-04-01, capacity: 250}]"
  EXIT 0 CONTAINS "north.potline   181  grid         90  grid           -91")
ripple_golden_test(NAME resources_never_startable
  ARGS run;tests/data/resources/never_startable.yaml;--out;${CMAKE_CURRENT_BINARY_DIR}/out/never_startable
  EXIT 4 STDERR ${CMAKE_CURRENT_SOURCE_DIR}/data/resources/never_startable.expected)
