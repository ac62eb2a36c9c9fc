// One visitor out of several lambdas, for std::visit: with no catch-all among them, a variant
// alternative that none of them takes is a compile error, not a silent fall-through.
#pragma once

namespace untrain {

template <typename... Lambdas>
struct Overloaded : Lambdas... {
  using Lambdas::operator()...;
};
// Spelled out for clang before 17, which does not deduce an aggregate's template arguments.
template <typename... Lambdas>
Overloaded(Lambdas...) -> Overloaded<Lambdas...>;

}  // namespace untrain
