"""Load stage: read curriculum files into plain data with a position for every value.

`files` reads a folder (or files already read) and takes each file for what it is;
`yaml_document` turns one YAML file into a `Document`; `characters` decodes text and
reports the characters an editor cannot see; `indentation` says which indentation a line
YAML cannot place should have had; `documents` holds the data types every later stage
uses. Import each name from the module that defines it.
"""
