#include "lexicon/cameo_table.h"

#include <fstream>
#include <sstream>

#include "common/strings.h"

namespace dyad::lexicon {

Result<std::shared_ptr<const CameoTable>> CameoTable::FromText(std::string_view text) {
  auto table = std::make_shared<CameoTable>();
  int line_no = 0;
  for (std::string_view line : Split(text, '\n')) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (Trim(line).empty() || line[0] == '#') continue;
    std::vector<std::string_view> f = Split(line, '\t');
    if (f[0] == "code") continue;  // header
    if (f.size() < 4) {
      return Status::ParseError("CAMEO table line " + std::to_string(line_no) + ": too few fields");
    }
    CameoCode c;
    c.code = std::string(f[0]);
    c.name = std::string(f[1]);
    c.goldstein = std::strtod(std::string(f[2]).c_str(), nullptr);
    c.quad_class = std::atoi(std::string(f[3]).c_str());
    if (f.size() > 4) c.plover = std::string(Trim(f[4]));
    if (f.size() > 5) c.plover_mode = std::string(Trim(f[5]));
    if (f.size() > 6) c.plover_context = std::string(Trim(f[6]));
    if (c.quad_class < 1 || c.quad_class > 4) {
      return Status::ParseError("CAMEO table line " + std::to_string(line_no) + ": bad QuadClass");
    }
    table->codes_.emplace(c.code, std::move(c));
  }
  return std::shared_ptr<const CameoTable>(std::move(table));
}

Result<std::shared_ptr<const CameoTable>> CameoTable::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IoError("cannot read CAMEO table " + path);
  std::stringstream ss;
  ss << in.rdbuf();
  return FromText(ss.str());
}

const CameoCode* CameoTable::Find(std::string_view code) const {
  auto it = codes_.find(std::string(code));
  return it == codes_.end() ? nullptr : &it->second;
}

}  // namespace dyad::lexicon
