// doctor's look at the hash chain: the same verifier as `untrain verify`, on a real database that
// someone has edited.
#include <catch2/catch.hpp>

#include "doctor/doctor.h"
#include "six_observations.h"
#include "store/sqlite.h"
#include "store/store.h"

using namespace untrain;

namespace {

// A log of six observations, seq 1..6, and a raw connection without the append-only triggers.
using Trail = testing::SixObservations;

}  // namespace

TEST_CASE("doctor checks the chain with the same verifier and names the first bad row", "[tamper][doctor]") {
  Trail trail;
  Check intact = check_hash_chain(trail.path);
  CHECK(intact.status == Status::ok);
  CHECK_THAT(intact.message, Catch::Contains("intact: 6 events"));
  trail.editor().exec("DELETE FROM events WHERE seq = 2");
  Check broken = check_hash_chain(trail.path);
  CHECK(broken.status == Status::problem);
  CHECK_THAT(broken.message, Catch::Contains("missing at seq 2"));
  CHECK_FALSE(broken.fix.empty());
}
