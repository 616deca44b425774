"""The codes of a contribution round: made by ``secrets``, shown once, kept only as salted
hashes, compared in constant time; and the growing wait after wrong codes.

A code carries 119 random bits, so guessing one is hopeless even without the wait; the
wait is there so that a store that leaks its hashes is the only way left to attack one,
and that way still needs the code itself (a hash does not open anything)."""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
import string
from dataclasses import dataclass
from urllib.parse import urlencode

# 20 letters and digits: 119 random bits. No "-" or "_" (token_urlsafe's): a code that
# begins with "-" reads as an option on the command line (--code -x... fails).
CODE_ALPHABET = string.ascii_letters + string.digits
CODE_LENGTH = 20
SALT_BYTES = 16
LINK_PATH = "/businesscase"
MAX_CODE = 200  # characters: longer input is no code of ours, refused before hashing


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def new_salt() -> str:
    return secrets.token_hex(SALT_BYTES)


def code_hash(salt: str, code: str) -> str:
    """The stored form of a code. A fast hash suffices for codes of 119 random bits (a
    slow one protects guessable passwords, which these are not)."""
    return hashlib.sha256(f"{salt}:{code}".encode()).hexdigest()


def code_matches(salt: str, stored: str, code: str) -> bool:
    """Whether ``code`` is the one stored as ``stored``, in time independent of where
    they differ (hmac.compare_digest on the hashes)."""
    if not isinstance(code, str) or not code or len(code) > MAX_CODE:
        code = ""  # still hashed and compared, so a refusal takes the usual time
    return hmac.compare_digest(code_hash(salt, code), stored)


def round_link(round_id: int, code: str) -> str:
    """The address of a round's page for the holder of ``code``, relative to the server."""
    return f"{LINK_PATH}?{urlencode({'ronde': round_id, 'code': code})}"


@dataclass(frozen=True)
class Throttle:
    """Wrong codes per round: the first ``free`` cost nothing, then every further one
    locks the round for ``first_wait`` seconds, doubled each time up to ``longest_wait``.

    Counted in the store, so the wait holds across processes (each CLI call is one); a
    right code does not reset it, or a partner could alternate its own code with guesses
    at the facilitator's. During the wait every code is refused unchecked, the right one
    too: a guess must not be able to learn anything while the round is locked."""

    free: int = 5
    first_wait: float = 2.0
    longest_wait: float = 900.0

    def wait_after(self, failures: int) -> float:
        """Seconds the round stays locked after its ``failures``-th wrong code."""
        if failures <= self.free:
            return 0.0
        steps = failures - self.free - 1
        if steps > 60:  # 2**60 seconds is long past the cap already
            return self.longest_wait
        return min(self.first_wait * 2**steps, self.longest_wait)


def whole_seconds(seconds: float) -> int:
    return max(1, math.ceil(seconds))
