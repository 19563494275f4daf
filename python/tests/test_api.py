"""The package's surface: what the stubs (__init__.pyi) declare exists, and
everything public has a docstring."""

import ast
import inspect
import pathlib

import annals

STUB = pathlib.Path(annals.__file__).with_name("__init__.pyi")


def stub_names():
    tree = ast.parse(STUB.read_text())
    names = {}
    for node in tree.body:
        if isinstance(node, ast.ClassDef):
            members = set()
            for item in node.body:
                if isinstance(item, ast.FunctionDef):
                    members.add(item.name)
                elif isinstance(item, ast.AnnAssign):
                    members.add(item.target.id)
            names[node.name] = members
        elif isinstance(node, ast.FunctionDef):
            names[node.name] = set()
    return names


def test_stubs_match_the_package():
    declared = stub_names()
    assert set(annals.__all__) == set(declared)
    for name, members in declared.items():
        obj = getattr(annals, name)
        if inspect.isclass(obj) and issubclass(obj, Exception):
            continue  # their fields are set on each instance
        for member in members - {"__init__"}:
            assert hasattr(obj, member), f"annals.{name}.{member}"


def test_everything_public_has_a_docstring():
    missing = []
    for name in annals.__all__:
        obj = getattr(annals, name)
        if not (obj.__doc__ or "").strip():
            missing.append(name)
        if inspect.isclass(obj):
            builtin = set(dir(Exception)) | set(dir(int))
            for member in dir(obj):
                if member.startswith("_") or member in builtin:
                    continue
                value = getattr(obj, member)
                if not (getattr(value, "__doc__", None) or "").strip():
                    missing.append(f"{name}.{member}")
    assert missing == []
