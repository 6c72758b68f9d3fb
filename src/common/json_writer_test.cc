// JsonWriter's fast number and string paths against the plain reference they replaced (printf
// and a byte-at-a-time escaper): same bytes on random values.
#include "common/json_writer.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <limits>
#include <random>

#include "common/utf8.h"

namespace dyad {
namespace {

std::string ReferenceDouble(double v, int decimals) {
  if (!std::isfinite(v)) return "null";
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  std::string s(buf);
  if (s.find('.') != std::string::npos) {
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
  }
  return s == "-0" ? "0" : s;
}

std::string ReferenceEscaped(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out = "\"";
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      size_t len;
      char32_t cp = utf8::Decode(s, i, &len);
      out.append(cp == 0xFFFD && len == 1 ? std::string_view("\xEF\xBF\xBD") : s.substr(i, len));
      i += len;
      continue;
    }
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
    ++i;
  }
  return out + "\"";
}

std::string Written(double v, int decimals) {
  std::string out;
  JsonWriter(&out).Double(v, decimals);
  return out;
}

TEST(JsonWriterTest, DoubleMatchesPrintf) {
  const double kFixed[] = {0.0, -0.0, 1.0, -10.0, 0.5, 0.125, 2.675, 1.005, 30.96, -0.0000001, 1e14, 1e15,
                           -1e15, 1e17, 123456789.123456789, 5e-324, 1e300, -1e308,
                           std::numeric_limits<double>::infinity(), std::numeric_limits<double>::quiet_NaN()};
  for (double v : kFixed) {
    for (int d = 0; d <= 8; ++d) EXPECT_EQ(Written(v, d), ReferenceDouble(v, d)) << v << " at " << d;
  }
  std::mt19937_64 rng(11);
  std::uniform_real_distribution<double> unit(-1, 1);
  for (int i = 0; i < 200000; ++i) {
    double scale = std::pow(10.0, static_cast<int>(rng() % 12) - 4);
    double v = unit(rng) * scale;
    if (i % 4 == 0) v = std::round(v * 100) / 100;  // two-decimal values, ties included
    if (i % 7 == 0) v = static_cast<double>(static_cast<int64_t>(rng() % 2000) - 1000) / 8;  // exact ties
    int d = static_cast<int>(rng() % 8);
    ASSERT_EQ(Written(v, d), ReferenceDouble(v, d)) << v << " at " << d;
  }
}

TEST(JsonWriterTest, IntegersAndEscapes) {
  std::string out;
  JsonWriter w(&out);
  w.BeginArray().Int(0).Int(-42).Int(std::numeric_limits<int64_t>::min()).EndArray();
  EXPECT_EQ(out, "[0,-42,-9223372036854775808]");

  std::mt19937 rng(5);
  const char kBytes[] = {'a', 'Z', ' ', '"', '\\', '\n', '\r', '\t', '\x01', '\x1f', '\x7f', '\xc3', '\xa9', '\xe2',
                         '\x82', '\xac', '\xf0', '\x9f', '\x98', '\x80', '\xff', '/'};
  for (int i = 0; i < 20000; ++i) {
    std::string s;
    int n = static_cast<int>(rng() % 24);
    for (int k = 0; k < n; ++k) s.push_back(kBytes[rng() % sizeof kBytes]);
    std::string got;
    JsonWriter::AppendEscaped(s, &got);
    ASSERT_EQ(got, ReferenceEscaped(s));
  }
}

}  // namespace
}  // namespace dyad
