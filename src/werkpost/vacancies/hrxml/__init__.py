"""HR-XML 2.x PositionOpening input (namespace http://ns.hr-xml.org/2007-04-15).

`parse_hrxml` turns one PositionOpening into the JSON API's document plus the XPath of every
field (mapping.py); `iter_hrxml_items` streams an envelope with many PositionOpening elements
(batches) in flat memory, `count_hrxml_items` counts them first, and `scan_hrxml_items` with
`map_hrxml_item` split reading from mapping for helper processes (scanner.py, which also holds
the security rules). Message types are in messages.py, value lists in vocabulary.py. The
mapping is documented in docs/hr-xml.md.

Importing the package registers HR-XML: the parser for single documents and the batch format.
"""

from werkpost.vacancies.batch_formats import register_batch_format
from werkpost.vacancies.hrxml.batch_format import HRXML_BATCHES, XML_TYPES
from werkpost.vacancies.hrxml.messages import (
    INVALID_XML,
    XML_DOCTYPE_FORBIDDEN,
    XML_ENCODING_UNSUPPORTED,
    XML_NOT_POSITION_OPENING,
    XML_SEVERAL_POSITION_OPENINGS,
    XML_TOO_DEEP,
    XML_TOO_MANY_ATTRIBUTES,
)
from werkpost.vacancies.hrxml.scanner import (
    MAX_ATTRIBUTES,
    MAX_DEPTH,
    count_hrxml_items,
    iter_hrxml_items,
    map_hrxml_item,
    parse_hrxml,
    scan_hrxml_items,
    secure_parser,
)
from werkpost.vacancies.hrxml.vocabulary import HRXML_NS, WP_NS, XML_LANG
from werkpost.vacancies.parsing import register_parser

__all__ = [
    "HRXML_BATCHES",
    "HRXML_NS",
    "INVALID_XML",
    "MAX_ATTRIBUTES",
    "MAX_DEPTH",
    "WP_NS",
    "XML_DOCTYPE_FORBIDDEN",
    "XML_ENCODING_UNSUPPORTED",
    "XML_LANG",
    "XML_NOT_POSITION_OPENING",
    "XML_SEVERAL_POSITION_OPENINGS",
    "XML_TOO_DEEP",
    "XML_TOO_MANY_ATTRIBUTES",
    "XML_TYPES",
    "count_hrxml_items",
    "iter_hrxml_items",
    "map_hrxml_item",
    "parse_hrxml",
    "scan_hrxml_items",
    "secure_parser",
]

register_parser(XML_TYPES, parse_hrxml)
register_batch_format(HRXML_BATCHES)
