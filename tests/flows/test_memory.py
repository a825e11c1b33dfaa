"""The process's memory as the run log reports it, and freed memory handed back between batches."""

import subprocess
import sys

import pytest

from flows.runtime import memory


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


# In a fresh interpreter: malloc a 4 MiB buffer, free it, malloc it again, and say whether the second one has a
# mapping of its own (glibc marks such a chunk with bit 2 of the size word just before it).
_SECOND_BUFFER_MAPPED = """
import ctypes, sys
from flows.runtime import memory
if sys.argv[1] == "fixed":
    assert memory.keep_large_buffers_mapped()
libc = ctypes.CDLL(None)
libc.malloc.restype = ctypes.c_void_p
libc.free.argtypes = [ctypes.c_void_p]
libc.free(libc.malloc(4 << 20))
second = libc.malloc(4 << 20)
print(bool(ctypes.c_size_t.from_address(second - ctypes.sizeof(ctypes.c_size_t)).value & 2))
"""


@pytest.mark.skipif(memory._libc_function("mallopt") is None, reason="mallopt is glibc's; elsewhere a no-op")
@pytest.mark.parametrize(("threshold", "mapped"), [("glibc's own", "False"), ("fixed", "True")])
def test_large_buffers_keep_their_own_mapping_once_the_threshold_is_fixed(threshold, mapped):
    # glibc raises its threshold when the first buffer is freed, so the second comes from the heap; fixed, it does not.
    command = [sys.executable, "-c", _SECOND_BUFFER_MAPPED, threshold.split()[0]]
    assert subprocess.run(command, capture_output=True, text=True, check=True).stdout.strip() == mapped


_FREEZE_TWICE = """
import gc
from flows.runtime.memory import keep_what_lasts
keep_what_lasts()
first = gc.get_freeze_count()
made_since = [[i] for i in range(10_000)]
keep_what_lasts()
print(first > 0, gc.get_freeze_count() == first)
"""


def test_what_lasts_is_frozen_once_a_process_not_at_every_batch():
    # Frozen at every batch, a batch's objects in reference cycles were never freed: 10 batches held 77 MB more.
    result = subprocess.run([sys.executable, "-c", _FREEZE_TWICE], capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["True", "True"]
