"""Stable keys for crimes: 63-bit fingerprints of texts and of data.police.uk Crime IDs."""

import hashlib

import numpy as np
import pyarrow as pa


def fingerprint(text: str) -> int:
    """63 bits of a stable hash of the text (fits numpy's int64, the same in every process)."""
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big") >> 1


class Fingerprints:
    """The Crime IDs seen so far in a file, 8 bytes each in sorted numpy runs (a Python set
    of the texts costs over 100 bytes each, so memory grew with the file). Two IDs sharing
    a fingerprint (about one chance in 10^7 for a national month) would only give the
    second a hash key instead of its ID: still unique, and the same at every re-import."""

    MERGE = 16384
    # A byte per slot, fixed at 8 MiB: a zero says at once that an ID is new, so the runs
    # are searched only for the few whose slot is taken (about 7% at 550,000 IDs).
    SLOTS = 1 << 23

    def __init__(self) -> None:
        # Sorted runs, each at least as long as the next: a new run is merged into the one
        # before while it is as long, so each value is merged a logarithmic number of times.
        self._runs: list[np.ndarray] = []
        self._recent: set[int] = set()
        self._slots = bytearray(self.SLOTS)

    def add_many(self, values: np.ndarray) -> np.ndarray:
        """Add fingerprints at once; True where one is new (nor earlier in values)."""
        self._fold()
        unique, first = np.unique(values, return_index=True)
        slots = np.frombuffer(self._slots, dtype=np.uint8)
        fresh = np.ones(unique.size, dtype=bool)
        maybe = np.flatnonzero(slots[unique & (self.SLOTS - 1)])
        if maybe.size:
            fresh[maybe] = ~self._held(unique[maybe])
        new = np.zeros(values.size, dtype=bool)
        new[first[fresh]] = True
        slots[unique[fresh] & (self.SLOTS - 1)] = 1
        self._push(unique[fresh])
        return new

    def _held(self, values: np.ndarray) -> np.ndarray:
        held = np.zeros(values.size, dtype=bool)
        for run in self._runs:
            at = np.minimum(run.searchsorted(values), run.size - 1)
            held |= run[at] == values
        return held

    def _push(self, run: np.ndarray) -> None:
        if not run.size:
            return
        runs = self._runs
        runs.append(run)
        while len(runs) > 1 and runs[-1].size >= runs[-2].size:
            last = runs.pop()
            # Neither run has repeats nor shares a value; a stable sort merges the two.
            runs[-1] = np.sort(np.concatenate((runs[-1], last)), kind="stable")

    def _fold(self) -> None:
        if self._recent:
            recent = np.fromiter(self._recent, dtype=np.int64, count=len(self._recent))
            self._recent = set()
            self._push(np.sort(recent))

    def add(self, text: str) -> bool:
        """Add the text; True if it was not there before."""
        value = fingerprint(text)
        slot = value & (self.SLOTS - 1)
        if self._slots[slot]:
            if value in self._recent:
                return False
            if self._held(np.array([value], dtype=np.int64))[0]:
                return False
        else:
            self._slots[slot] = 1
        self._recent.add(value)
        if len(self._recent) >= self.MERGE:
            self._fold()
        return True


# Hex digit values (255: not a lower-case hex digit), for Crime IDs' fingerprints.
_HEX = np.full(256, 255, dtype=np.uint8)
_HEX[np.frombuffer(b"0123456789abcdef", dtype=np.uint8)] = np.arange(16, dtype=np.uint8)


def id_fingerprints(ids: pa.Array) -> np.ndarray:
    """A 63-bit fingerprint of each (non-empty) Crime ID or key. A data.police.uk ID is 64
    hex digits of a hash, and so is a key made for a row without one after its "h": the
    first 63 bits serve, read in numpy; other texts are hashed."""
    offsets = np.frombuffer(ids.buffers()[1], dtype=np.int32)[
        ids.offset : ids.offset + len(ids) + 1
    ]
    data = np.frombuffer(ids.buffers()[2], dtype=np.uint8)
    out = np.zeros(len(ids), dtype=np.int64)
    hexy = np.diff(offsets) == 64
    rows = np.flatnonzero(hexy)
    if rows.size:
        # A key made for a row without a Crime ID is "h" and 63 hex digits of a hash.
        starts = offsets[rows] + (data[offsets[rows]] == ord("h"))
        digits = _HEX[data[starts[:, None] + np.arange(16)]]
        valid = (digits != 255).all(axis=1)
        value = np.zeros(rows.size, dtype=np.uint64)
        for column in range(16):
            value = (value << np.uint64(4)) | digits[:, column].astype(np.uint64)
        out[rows[valid]] = (value[valid] >> np.uint64(1)).astype(np.int64)
        hexy[rows[~valid]] = False
    others = np.flatnonzero(~hexy)
    if others.size:
        out[others] = [fingerprint(text) for text in ids.take(pa.array(others)).to_pylist()]
    return out
