#pragma once
// What drove each activity's dates, and the driving path traced back from a project's finish.
// Shared by CPM (cpm.cpp), the schedule kernel (schedule_kernel.cpp), the rollout engine
// (rollout.cpp) and the resource kernel (resource_kernel.cpp); internal to the library.

#include <cstdint>
#include <vector>

#include "ripple/plan.hpp"

namespace ripple::detail {

/// Whether a link of this type constrains its successor's start (FS, SS); FF and SF constrain
/// its finish (unless Link::shifts_start).
inline bool is_start_link(DependencyType type) {
  return type == DependencyType::kFinishToStart || type == DependencyType::kStartToStart;
}

/// Whether a link of this type is anchored on its predecessor's start (SS, SF); FS and FF are
/// anchored on its finish.
inline bool anchors_on_start(DependencyType type) {
  return type == DependencyType::kStartToStart || type == DependencyType::kStartToFinish;
}

/// Which date of which activity fixed a start or a finish.
struct Driver {
  enum class Kind : std::uint8_t {
    kNone,        ///< a date of its own: as_of, not_before, actual or fixed dates, a shock
    kOwnStart,    ///< (finish only) the activity's start plus its duration
    kPredStart,   ///< the start of `pred` plus a lag (SS, SF)
    kPredFinish,  ///< the finish of `pred` plus a lag (FS, FF)
    /// (start only) the end of `pred`'s work, whose release of a shared resource let the
    /// activity start after a wait: its start plus its duration. Not its finish, which FF/SF
    /// links may hold later, even on the waiting activity itself (a driving path would loop).
    kPredWorkEnd,
  };
  Kind kind = Kind::kNone;
  Vertex pred = 0;
};

/// A Kind as the byte the kernels store it in.
constexpr std::uint8_t kind_code(Driver::Kind kind) { return static_cast<std::uint8_t>(kind); }

/// Whether a start constraint becomes the start's bound (and its driver): a later date wins; at
/// the same date, a bound nothing drove yet or one of higher link rank gives way. The engine and
/// the resource kernel both decide with it, so their dates and drivers agree.
inline bool replaces_start_bound(Date constraint, Date bound, bool bound_undriven,
                                 std::uint32_t rank, std::uint32_t bound_rank) {
  return constraint > bound || (constraint == bound && (bound_undriven || rank < bound_rank));
}

/// The same for a finish bound; `bound` is null while the finish has none.
inline bool replaces_finish_bound(Date constraint, const Date* bound, std::uint32_t rank,
                                  std::uint32_t bound_rank) {
  return bound == nullptr || constraint > *bound || (constraint == *bound && rank < bound_rank);
}

/// The driving path to `last`'s finish, latest first, written into `path` (cleared first):
/// from its finish, follow finish drivers and start drivers back until a date of its own.
/// `driver_of(v, at_finish)` returns the Driver of v's finish (at_finish) or start. Each activity
/// appears once, but for a phase whose release let another start after a wait and whose finish
/// that other one held (FF/SF): it appears at both places.
///
/// The paths of several projects in one run may share their earlier part (a crew passing from
/// project to project, a link across projects). With `seen` (a byte per activity, zero before
/// the first path of a run) a path stops where an earlier one already went: at the same date
/// (start or finish) of the same activity, whence both are the same.
template <class DriverOf>
void driving_path(Vertex last, std::size_t activities, DriverOf driver_of,
                  std::vector<Vertex>& path, std::uint8_t* seen = nullptr) {
  path.clear();
  Vertex v = last;
  bool at_finish = true;
  for (std::size_t guard = 0; guard <= 2 * activities; ++guard) {
    if (seen != nullptr) {
      const std::uint8_t here = at_finish ? 1 : 2;
      if ((seen[v] & here) != 0) break;
      seen[v] |= here;
    }
    if (path.empty() || path.back() != v) path.push_back(v);
    const Driver d = driver_of(v, at_finish);
    if (d.kind == Driver::Kind::kNone) break;
    if (d.kind == Driver::Kind::kOwnStart) {
      at_finish = false;
      continue;
    }
    at_finish = d.kind == Driver::Kind::kPredFinish;
    v = d.pred;
  }
}

}  // namespace ripple::detail
