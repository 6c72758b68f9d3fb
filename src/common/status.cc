#include "dyad/status.h"

namespace dyad {

std::string Status::ToString() const {
  switch (code_) {
    case StatusCode::kOk: return "OK";
    case StatusCode::kInvalidArgument: return "invalid argument: " + message_;
    case StatusCode::kNotFound: return "not found: " + message_;
    case StatusCode::kIoError: return "I/O error: " + message_;
    case StatusCode::kParseError: return "parse error: " + message_;
    case StatusCode::kLimitExceeded: return "limit exceeded: " + message_;
    case StatusCode::kInternal: return "internal error: " + message_;
  }
  return message_;
}

}  // namespace dyad
