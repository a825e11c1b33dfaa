"""The process's memory as the run log reports it, and freed memory handed back between chunks."""

import pytest

from flows import memory


def test_peak_is_never_below_what_is_resident_now():
    now = memory.resident_mb()
    assert 0 < now <= memory.peak_mb()


@pytest.mark.skipif(memory._malloc_trim() is None, reason="malloc_trim is glibc's; elsewhere release is a no-op")
def test_memory_freed_between_kept_blocks_goes_back_to_the_system():
    # A chunk's frames freed around a few survivors: glibc keeps the pages between them until asked to trim.
    blocks = [bytes(60_000) for _ in range(3_000)]  # about 180 MB in blocks below the mmap threshold
    survivors = blocks[::10]
    del blocks
    before = memory.resident_mb()
    memory.release_freed_memory()
    assert before - memory.resident_mb() > 80
    assert len(survivors) == 300
