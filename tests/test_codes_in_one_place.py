"""Tokens, ids, keyed hashes and signed values come from one module (app.core.codes): one
place says how random a public id is, how a keyed hash is made and how a signed cookie
is signed. Comparing in constant time (hmac.compare_digest) makes no code and is free."""

from source_calls import calls_outside

SIGNERS = {
    "itsdangerous.Signer",
    "itsdangerous.TimestampSigner",
    "itsdangerous.Serializer",
    "itsdangerous.URLSafeSerializer",
    "itsdangerous.URLSafeTimedSerializer",
}


def makes_a_code(name):
    return (
        name.startswith(("secrets.", "uuid.uuid", "random."))
        or name in {"hmac.new", "hmac.digest", "os.urandom"}
        or name in SIGNERS
    )


def test_only_the_codes_module_makes_tokens_ids_keyed_hashes_and_signers():
    makers = calls_outside({"core/codes.py"}, makes_a_code)
    assert makers == [], "make it with app.core.codes:\n" + "\n".join(makers)
