"""This process's memory: what it holds now, its peak, and handing freed memory back between batches.

A load works in bounded batches, but glibc's allocator keeps the pages a batch freed and reuses them unevenly, so
the resident size creeps up batch after batch although nothing is held (measured: about 7 MB a batch of 1,000
records). Two things stop that: trimming after each batch returns the free pages, as Dask's workers do
(`MALLOC_TRIM_THRESHOLD_`), and large buffers stay in their own mappings (`keep_large_buffers_mapped`).
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


def leave_to_exit() -> None:
    """Have the garbage collector never walk what this process holds now, as it is about to end.

    Python's shutdown would otherwise walk every object (Prefect's and pydantic's, a worker's spaCy pipeline and
    gazetteers) only to free them: 0.3 to 0.4 s of every command, 0.9 s of a Dask worker's exit, on the cores the
    flow audits and publishes with. Frozen objects are never walked; the process's memory goes back to the
    system as it exits.
    """
    gc.freeze()


@cache
def keep_what_lasts() -> None:
    """Have the garbage collector leave alone every object this process holds now, for good: once a process.

    Called once the long-lived objects are made (imported modules, the spaCy pipeline and gazetteers of a worker,
    Great Expectations in the flow): they live as long as the process, yet every full collection walked them all
    again (0.2 s each in the flow, a collection after every batch). Later collections walk only what was made
    since. A frozen object in a reference cycle is never freed, so garbage is collected first, and this is done
    once, not at every batch: frozen at each, a batch's cyclic garbage stayed (resident after 10 batches of 1,000
    records: 681 MB, against 604).
    """
    gc.collect()
    gc.freeze()


# glibc's M_MMAP_THRESHOLD option, and its default: buffers this large get a mapping of their own.
_M_MMAP_THRESHOLD = -3
_MMAP_THRESHOLD = 128 * 1024


def keep_large_buffers_mapped() -> bool:
    """Keep glibc serving buffers of 128 KiB and more from their own mappings, returned whole when freed.

    By default glibc raises that threshold each time such a buffer is freed, up to 32 MiB, and then serves large
    buffers (NER's arrays, DuckDB's and Arrow's) from the heap, where they fragment: on 10,000 articles the
    resident size after each batch crept from 691 to 738 MB; with the threshold fixed it stays between 708 and 723
    MB from the second batch on. Setting it explicitly turns the raising off. False where the C library is not glibc.
    """
    mallopt = _libc_function("mallopt")
    return bool(mallopt and mallopt(_M_MMAP_THRESHOLD, _MMAP_THRESHOLD))


def _malloc_trim() -> "ctypes._NamedFuncPointer | None":
    return _libc_function("malloc_trim")


@cache
def _libc_function(name: str) -> "ctypes._NamedFuncPointer | None":
    library = ctypes.util.find_library("c")
    try:
        return getattr(ctypes.CDLL(library), name) if library else None
    except (OSError, AttributeError):  # not glibc (musl, macOS)
        return None
