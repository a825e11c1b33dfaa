"""This process's memory: what it holds now, its peak, and handing freed memory back between chunks.

A load works in bounded chunks, but glibc's allocator keeps the pages a chunk freed and reuses them unevenly, so
the resident size creeps up chunk after chunk although nothing is held (measured: about 7 MB a chunk of 1,000
records). Trimming after each chunk returns them, as Dask's workers do (`MALLOC_TRIM_THRESHOLD_`).
"""

import ctypes
import ctypes.util
import gc
import resource
from functools import cache
from pathlib import Path


def resident_mb() -> int:
    """Resident memory now, in MB (Linux's /proc; the peak so far where there is no /proc)."""
    return _resident_mb() or _max_rss_mb()


def peak_mb() -> int:
    """The largest resident memory so far, in MB (the kernel updates its mark lazily: never below now's)."""
    return max(_max_rss_mb(), _resident_mb() or 0)


def _resident_mb() -> int | None:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * resource.getpagesize() // 2**20


def _max_rss_mb() -> int:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024  # kB on Linux


def release_freed_memory() -> None:
    """Collect garbage, then give the allocator's free pages back to the system (glibc only; elsewhere a no-op)."""
    gc.collect()
    trim = _malloc_trim()
    if trim is not None:
        trim(0)


@cache
def _malloc_trim() -> "ctypes._NamedFuncPointer | None":
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc (musl, macOS)
        return None
