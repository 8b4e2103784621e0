# CLI golden cases: one line each. See golden.cmake for the arguments.
ripple_golden_test(NAME version ARGS --version EXIT 0 CONTAINS "ripple 0.1.0")
ripple_golden_test(NAME help ARGS --help EXIT 0 CONTAINS "Commands:")
ripple_golden_test(NAME unknown_command ARGS frobnicate EXIT 2 CONTAINS "unknown command")
