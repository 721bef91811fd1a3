"""teleop.teleport.convert: Teleport's JSON/YAML form <-> protobuf messages, and CRD schemas.

Users write Teleport resources in CRs the way Teleport's Go JSON reads them (snake_case keys,
label values as a string or a list, durations as "8h", enums by name). The converter reads how
each field is spelled from the .proto descriptors and teleop's field options
(teleop/options/v1/options.proto), so the .proto files stay the single source of truth for the
wire format, the JSON form and the CRD schema. It knows no resource kind by name.
"""

from teleop.teleport.convert.decode import decode
from teleop.teleport.convert.durations import format_go_duration, parse_go_duration
from teleop.teleport.convert.encode import encode
from teleop.teleport.convert.errors import ConversionError
from teleop.teleport.convert.plan import Converter
from teleop.teleport.convert.schema import schema_for

__all__ = [
    "ConversionError",
    "Converter",
    "decode",
    "encode",
    "format_go_duration",
    "parse_go_duration",
    "schema_for",
]
