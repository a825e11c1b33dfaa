"""What a command's process needs around the flow: the Prefect API it reports to (`prefect_server`) and its memory
(`memory`)."""
