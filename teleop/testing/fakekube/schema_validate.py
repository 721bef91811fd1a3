"""Value checks of CRD schemas with kube-apiserver's exact causes.

kube-apiserver validates custom resources with kube-openapi's ``SchemaValidator``
(k8s.io/kube-openapi/pkg/validation/validate) and turns each result into a ``field.Error`` in
apiextensions-apiserver ``pkg/apiserver/validation/validation.go``
(``kubeOpenAPIResultToFieldErrors``). Facts reproduced here:

- every applicable validator runs, in this order: type, allOf/anyOf/oneOf/not, string
  (maxLength, minLength, pattern: first failure only), format, number (multipleOf, maximum,
  minimum), array (items, then minItems, maxItems), enum, object (min/maxProperties, which stop
  the object's own checks, then properties, then ``required``);
- a null only meets the type check (error unless ``nullable``) and the enum check;
- the type error names the *type* of the bad value, not the value:
  ``Invalid value: "string": spec.x in body must be of type integer: "string"``
  (``FieldValueTypeInvalid``); whole floats pass as integers and integers as numbers; a string or
  array under a schema with a string ``format`` skips the type check;
- enum failures are ``FieldValueNotSupported`` listing the values (non-strings JSON-encoded);
  ``required`` gives ``FieldValueRequired``; ``maxLength`` ``FieldValueTooLong``; ``maxItems`` and
  ``maxProperties`` ``FieldValueTooMany``; everything else ``FieldValueInvalid`` whose detail is
  kube-openapi's message (``spec.x in body should be at least 2 chars long``...);
- ``x-kubernetes-list-type`` set/map duplicates (``schema/listtype/validation.go``) are
  ``FieldValueDuplicate`` on the later index, reported after all schema errors.

- anyOf/oneOf/allOf/not failures add kube-openapi's summary (``"spec.v" must validate at least
  one schema (anyOf)``...) as a ``FieldValueInvalid`` cause on the empty field with value ``""``.

Not reproduced: CEL ``x-kubernetes-validations`` rules are ignored, and where kube-openapi picks
the failing anyOf/oneOf alternative with the most matched checks, fakekube shows the first one.
"""

from __future__ import annotations

import json
from typing import Any

from teleop.testing.fakekube.schema_cause import (
    OMIT,
    Cause,
    go_float,
    go_quote,
    go_value,
    make_cause,
)
from teleop.testing.fakekube.schema_node import Node

__all__ = [
    "check_list_type",
    "check_object",
    "check_required",
    "check_value",
    "json_type",
    "validate_tree",
]


def json_type(v: Any) -> str:
    """The JSON type name kube-openapi infers for a decoded value."""
    if v is None:
        return "null"
    if isinstance(v, bool):
        return "boolean"
    if isinstance(v, int):
        return "integer"
    if isinstance(v, float):
        return "number"
    if isinstance(v, str):
        return "string"
    if isinstance(v, list):
        return "array"
    return "object"


def _type_error(out: list[Cause], path: str, want: str, got: str) -> None:
    detail = f"{path} in body must be of type {want}: {go_value(got)}"
    out.append(make_cause("FieldValueTypeInvalid", path, got, detail))


def _check_type(out: list[Cause], n: Node, v: Any, path: str) -> None:
    types = n.types
    if not types and not n.format:
        return
    st = json_type(v)
    data_fmt = "int64" if st == "integer" else "float64" if st == "number" else ""
    float_int = st == "number" and float(v).is_integer() and "integer" in types
    int_float = st == "integer" and "number" in types
    if (
        st not in ("string", "array")
        and n.format
        and not (st in types or data_fmt == n.format or float_int or int_float)
    ):
        _type_error(out, path, n.format, data_fmt)
        return
    if n.format and st in ("string", "array") and not ("number" in types or "integer" in types):
        return
    if types and not (st in types or float_int or int_float):
        _type_error(out, path, ",".join(types), st)


def _enum_match(e: Any, v: Any) -> bool:
    if isinstance(e, bool) or isinstance(v, bool):
        return type(e) is type(v) and e == v
    if isinstance(e, int) and isinstance(v, float):
        return int(v) == e  # Go converts the value to the enum value's type first
    if isinstance(e, float) and isinstance(v, int):
        return float(v) == e
    if isinstance(e, list) and isinstance(v, list):
        return len(e) == len(v) and all(_enum_match(a, b) for a, b in zip(e, v, strict=True))
    if isinstance(e, dict) and isinstance(v, dict):
        return e.keys() == v.keys() and all(_enum_match(e[k], v[k]) for k in e)
    return type(e) is type(v) and bool(e == v)


def _check_enum(out: list[Cause], n: Node, v: Any, path: str) -> None:
    if n.enum and not any(_enum_match(e, v) for e in n.enum):
        detail = "supported values: " + ", ".join(json.dumps(x) for x in n.enum_values)
        out.append(make_cause("FieldValueNotSupported", path, v, detail))


def _invalid(out: list[Cause], path: str, value: Any, detail: str) -> None:
    out.append(make_cause("FieldValueInvalid", path, value, detail))


def _check_string(out: list[Cause], n: Node, v: str, path: str) -> None:
    if n.max_length is not None and len(v) > n.max_length:
        # field.TooLongMaxLength: the value is never printed.
        detail = f"may not be longer than {n.max_length}"
        out.append(make_cause("FieldValueTooLong", path, v, detail))
    elif n.min_length is not None and len(v) < n.min_length:
        _invalid(out, path, v, f"{path} in body should be at least {n.min_length} chars long")
    elif n.pattern is not None and n.pattern.search(v) is None:
        _invalid(out, path, v, f"{path} in body should match '{n.pattern_src}'")
    if n.format_check is not None and not n.format_check(v):
        _type_error(out, path, n.format, v)


def _bound(is_int: bool, b: float) -> str:
    return str(int(b)) if is_int else go_float(b)


def _check_number(out: list[Cause], n: Node, v: float, path: str) -> None:
    is_int = isinstance(v, int)
    if n.multiple_of is not None:
        f = n.multiple_of
        if is_int and int(f) != 0:
            bad = int(v) % int(f) != 0
        else:
            mult = (1 / f * v) if f < 1 else (v / f)
            bad = not float(mult).is_integer()
        if bad:
            _invalid(out, path, v, f"{path} in body should be a multiple of {_bound(is_int, f)}")
    if n.maximum is not None:
        m: float = int(n.maximum) if is_int else n.maximum
        if v >= m if n.excl_max else v > m:
            op = "less than" if n.excl_max else "less than or equal to"
            _invalid(out, path, v, f"{path} in body should be {op} {_bound(is_int, n.maximum)}")
    if n.minimum is not None:
        m = int(n.minimum) if is_int else n.minimum
        if v <= m if n.excl_min else v < m:
            op = "greater than" if n.excl_min else "greater than or equal to"
            _invalid(out, path, v, f"{path} in body should be {op} {_bound(is_int, n.minimum)}")


def _check_junctors(out: list[Cause], n: Node, v: Any, path: str) -> None:
    # kube-openapi validate/schema_props.go: anyOf, oneOf, allOf, then not.
    if n.any_of:
        results = [_errors_of(sub, v, path) for sub in n.any_of]
        if all(results):
            out.append(_summary(path, "must validate at least one schema (anyOf)"))
            out.extend(results[0])
    if n.one_of:
        results = [_errors_of(sub, v, path) for sub in n.one_of]
        valid = sum(1 for r in results if not r)
        if valid == 0:
            out.append(
                _summary(path, "must validate one and only one schema (oneOf). Found none valid")
            )
            out.extend(results[0])
        elif valid > 1:
            text = (
                f"must validate one and only one schema (oneOf). Found {valid} valid alternatives"
            )
            out.append(_summary(path, text))
    if n.all_of:
        results = [_errors_of(sub, v, path) for sub in n.all_of]
        for r in results:
            out.extend(r)
        valid = sum(1 for r in results if not r)
        if valid != len(results):
            suffix = ". None validated" if valid == 0 else ""
            out.append(_summary(path, f"must validate all the schemas (allOf){suffix}"))
    if n.not_ is not None and not _errors_of(n.not_, v, path):
        out.append(_summary(path, "must not validate the schema (not)"))


def _summary(path: str, text: str) -> Cause:
    # Not an openapi Validation error: the apiserver reports it on the root path with value "".
    return make_cause("FieldValueInvalid", "", "", f"{go_quote(path)} {text}")


def _errors_of(n: Node, v: Any, path: str) -> list[Cause]:
    out: list[Cause] = []
    validate_tree(out, n, v, path)
    return out


def check_value(out: list[Cause], n: Node, v: Any, path: str) -> None:
    """Every check of ``n`` on ``v`` except the ones that descend into children."""
    if v is None:
        if n.types and not n.nullable:
            _type_error(out, path, ",".join(n.types), "null")
        _check_enum(out, n, v, path)
        return
    _check_type(out, n, v, path)
    if n.all_of or n.any_of or n.one_of or n.not_ is not None:
        _check_junctors(out, n, v, path)
    if isinstance(v, str):
        _check_string(out, n, v, path)
    elif isinstance(v, (int, float)) and not isinstance(v, bool):
        _check_number(out, n, v, path)


def check_items(out: list[Cause], n: Node, v: list[Any], path: str) -> None:
    """``minItems``/``maxItems`` (after the items themselves were checked)."""
    size = len(v)
    if n.min_items is not None and size < n.min_items:
        _invalid(out, path, size, f"{path} in body should have at least {n.min_items} items")
    if n.max_items is not None and size > n.max_items:
        detail = f"must have at most {n.max_items} items"
        out.append(make_cause("FieldValueTooMany", path, size, detail))


def check_object(out: list[Cause], n: Node, v: dict[str, Any], path: str) -> bool:
    """``min/maxProperties``; returns False when the object's other checks must be skipped."""
    size = len(v)
    if n.min_props is not None and size < n.min_props:
        detail = f"{path} in body should have at least {n.min_props} properties"
        _invalid(out, path, size, detail)
        return False
    if n.max_props is not None and size > n.max_props:
        detail = f"must have at most {n.max_props} items"
        out.append(make_cause("FieldValueTooMany", path, size, detail))
        return False
    return True


def check_required(out: list[Cause], n: Node, v: dict[str, Any], path: str) -> None:
    """``required`` keys missing from ``v`` (nulls were pruned before this runs)."""
    for k in n.required:
        if k not in v:
            out.append(make_cause("FieldValueRequired", f"{path}.{k}" if path else k, OMIT))


def check_enum_last(out: list[Cause], n: Node, v: Any, path: str) -> None:
    """The enum check, which kube-openapi runs after the array validator."""
    _check_enum(out, n, v, path)


def validate_tree(out: list[Cause], n: Node, v: Any, path: str) -> None:
    """Full validation of ``v`` against ``n`` without pruning (used for allOf/anyOf/...)."""
    check_value(out, n, v, path)
    if v is None:
        return
    if isinstance(v, list):
        if n.items is not None:
            for i, x in enumerate(v):
                validate_tree(out, n.items, x, f"{path}[{i}]")
        check_items(out, n, v, path)
    _check_enum(out, n, v, path)
    if isinstance(v, dict) and check_object(out, n, v, path):
        for k, x in v.items():
            child = n.child(k)
            if child is not None:
                validate_tree(out, child, x, f"{path}.{k}" if path else k)
        check_required(out, n, v, path)


def _set_key(x: Any) -> Any:
    if isinstance(x, (dict, list)):
        return ("json", json.dumps(x, sort_keys=True, separators=(",", ":")))
    return (type(x), x)


def check_list_type(out: list[Cause], n: Node, v: list[Any], path: str) -> None:
    """Uniqueness of ``x-kubernetes-list-type: set`` items and ``map`` keys."""
    if n.list_type == "set":
        seen: dict[Any, int] = {}
        for i, x in enumerate(v):
            key = _set_key(x)
            seen[key] = seen.get(key, 0) + 1
            if seen[key] == 2:
                out.append(make_cause("FieldValueDuplicate", f"{path}[{i}]", x))
    elif n.list_type == "map":
        for i, x in enumerate(v):
            if x is not None and not isinstance(x, dict):
                detail = "must be an object for an array of list-type map"
                _invalid(out, f"{path}[{i}]", x, detail)
                return
        seen_keys: dict[Any, int] = {}
        for i, x in enumerate(v):
            key_obj = {k: x[k] for k in n.list_map_keys if x is not None and k in x}
            key = _set_key(key_obj) if len(n.list_map_keys) != 1 or key_obj else ("unset",)
            if len(n.list_map_keys) == 1 and key_obj:
                key = _set_key(next(iter(key_obj.values())))
            seen_keys[key] = seen_keys.get(key, 0) + 1
            if seen_keys[key] == 2:
                out.append(make_cause("FieldValueDuplicate", f"{path}[{i}]", key_obj))
