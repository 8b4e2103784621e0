"""Pictures of ripple's output files: one module per command, common reading and style."""
