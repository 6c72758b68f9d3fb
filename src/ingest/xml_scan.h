// A small, forgiving XML scanner for news feeds (RSS 2.0, RSS 1.0/RDF, Atom).
//
// Feeds in the wild are often not well-formed (a bare "&", an unclosed tag, HTML entities such as
// "&nbsp;"), so this is not a validating parser: it builds a flat element tree from whatever it
// can read, and never fails. Rules:
//   - comments, processing instructions and <!DOCTYPE ...> are skipped; no DTD is read, so no
//     entity can expand (no "billion laughs", no external entities);
//   - the five XML entities and numeric character references are decoded in text and attribute
//     values; any other "&name;" is kept as written (the HTML extractor decodes it later);
//   - CDATA sections are kept raw;
//   - an end tag closes the nearest open element of the same name (and any left open inside it);
//     an end tag with no open match is ignored; elements left open end at the end of the input;
//   - nesting deeper than `max_depth` is flattened (the deeper tags are ignored, their text kept);
//   - a quoted attribute value that is never closed ends at the next '>' (not at the end of the
//     input, which would swallow the rest of the feed); it, and an unterminated comment, CDATA
//     section, processing instruction or declaration, counts as malformed.
// Linear time in the input size; memory proportional to it.
#ifndef DYAD_INGEST_XML_SCAN_H_
#define DYAD_INGEST_XML_SCAN_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dyad::ingest {

struct XmlElement {
  std::string name;  // qualified name as written: "item", "content:encoded", "atom:link"
  std::vector<std::pair<std::string, std::string>> attributes;  // values decoded
  std::string text;          // character data directly inside (entities decoded, CDATA raw)
  size_t offset = 0;         // byte offset of the start tag's '<'
  size_t inner_begin = 0;    // raw bytes between the start tag and its end tag: [inner_begin,
  size_t inner_end = 0;      // inner_end), for content that is itself markup (Atom xhtml)
  int parent = -1;
  std::vector<int> children;  // indices into XmlDocument::elements, in document order

  // "encoded" for "content:encoded".
  std::string_view LocalName() const;
  // The value of attribute `name` (exact, case-sensitive), or "" when absent.
  std::string_view Attr(std::string_view name) const;
};

struct XmlDocument {
  std::vector<XmlElement> elements;  // in document order; parents before children
  int malformed = 0;                 // count of problems recovered from (unmatched end tags, ...)
};

XmlDocument ScanXml(std::string_view xml, size_t max_depth = 64);

// Decodes the XML entities and numeric references in `s`; other "&...;" stay as written.
void AppendXmlDecoded(std::string_view s, std::string* out);

}  // namespace dyad::ingest

#endif  // DYAD_INGEST_XML_SCAN_H_
