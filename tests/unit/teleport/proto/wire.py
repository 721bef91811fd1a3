"""A tiny protobuf wire encoder for the tests: tags, varints and length-delimited fields.

The wire tests build bytes field by field from the numbers and wire types published in
Teleport's .proto files, without going through our generated classes, so a wrong field number
or type in our sources makes a decode land in the wrong field (or in unknown fields).
"""

VARINT = 0
LEN = 2


def varint(value: int) -> bytes:
    """Base-128 varint; negative numbers are written as 64-bit two's complement."""
    value &= (1 << 64) - 1
    out = bytearray()
    while True:
        low = value & 0x7F
        value >>= 7
        if value:
            out.append(low | 0x80)
        else:
            out.append(low)
            return bytes(out)


def tag(number: int, wire_type: int) -> bytes:
    return varint(number << 3 | wire_type)


def uint(number: int, value: int) -> bytes:
    """A varint field (int32/int64/uint32/bool/enum)."""
    return tag(number, VARINT) + varint(value)


def raw(number: int, payload: bytes) -> bytes:
    """A length-delimited field (bytes, string, embedded message, map entry)."""
    return tag(number, LEN) + varint(len(payload)) + payload


def text(number: int, value: str) -> bytes:
    return raw(number, value.encode())


def msg(number: int, *parts: bytes) -> bytes:
    """An embedded message built from already encoded fields."""
    return raw(number, b"".join(parts))
