// Country facts the exports need: ISO 3166-1 alpha-3 -> FIPS 10-4 country code (GDELT's
// ActionGeo_CountryCode) and a full English name (ICEWS, PLOVER, GDELT full names).
//
//   FipsCountry("DEU") == "GM";  FipsCountry("GBR") == "UK";  CountryName("PAK") == "Pakistan"
//
// The table covers every ISO 3166-1 entry plus Kosovo (XKX -> KV). FIPS 10-4 was withdrawn in 2008,
// so entities created later take the code of the entity they came from (Bonaire, Sint Eustatius
// and Saba -> NT, Netherlands Antilles); Åland takes Finland's FI; Palestine takes the West Bank's
// WE; the US Minor Outlying Islands have one FIPS code per island and map to "".
#ifndef DYAD_STORE_COUNTRY_CODES_H_
#define DYAD_STORE_COUNTRY_CODES_H_

#include <string>
#include <string_view>

namespace dyad::store {

// FIPS 10-4 country code of an ISO alpha-3 code, or "" when unknown.
std::string_view FipsCountry(std::string_view iso3);
// English short name of an ISO alpha-3 code ("Germany"), or "" when unknown.
std::string_view CountryName(std::string_view iso3);
// Name of a CAMEO sector code ("GOV" -> "Government"), or the code itself when unknown.
std::string_view SectorName(std::string_view sector);
// "United States Government" for country USA and sector GOV; either part may be missing.
std::string ActorLabel(std::string_view country, std::string_view sector);

}  // namespace dyad::store

#endif  // DYAD_STORE_COUNTRY_CODES_H_
