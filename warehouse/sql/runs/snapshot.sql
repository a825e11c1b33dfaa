UPDATE etl_run SET snapshot_id = $snapshot_id WHERE load_id = $load_id;
