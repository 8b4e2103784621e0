# CLI golden cases: one line each. See golden.cmake for the arguments.
ripple_golden_test(NAME version ARGS --version EXIT 0 CONTAINS "ripple 0.1.0")
ripple_golden_test(NAME help ARGS --help EXIT 0 CONTAINS "Commands:")
ripple_golden_test(NAME unknown_command ARGS frobnicate EXIT 2 CONTAINS "unknown command")
ripple_golden_test(NAME schedule_help ARGS schedule;--help EXIT 0 CONTAINS "critical path")
ripple_golden_test(NAME schedule_csv_header ARGS schedule;scenarios/kazakhstan_2025.yaml;--format;csv EXIT 0 CONTAINS "project,activity,start,finish,early_start,early_finish,late_start,late_finish,total_float_days,critical")
ripple_golden_test(NAME schedule_critical_path ARGS schedule;scenarios/kazakhstan_2025.yaml EXIT 0 CONTAINS "satimola (finish 2035-07-01): satimola.shaft_freezing -> satimola.shaft_sinking -> satimola.phase_1")
ripple_golden_test(NAME schedule_json ARGS schedule;scenarios/kazakhstan_2025.yaml;--format;json EXIT 0 CONTAINS "\"critical_paths\"")
ripple_golden_test(NAME schedule_bad_format ARGS schedule;scenarios/kazakhstan_2025.yaml;--format;xml EXIT 2 CONTAINS "--format must be table, csv or json")
