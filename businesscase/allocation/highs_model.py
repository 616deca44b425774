"""A HiGHS model kept between solves, for the constraint generation of the large nucleolus.

scipy's ``linprog`` and ``milp`` build a new model for every call; the nucleolus solves
hundreds of nearly identical programs, so it keeps one model each and changes it: rows
added (a new cut) or relaxed, costs changed, temporary rows and columns removed again. An
LP re-solved this way starts from the last basis (dual simplex), which is the point of
cutting planes.
"""

from __future__ import annotations

import os
import sys

import highspy
import numpy as np
from scipy import sparse

INF = highspy.kHighsInf
_quiet = False


def _new_highs() -> highspy.Highs:
    """A HiGHS instance. The first one prints HiGHS's banner on file descriptor 1, before
    any option can turn it off, which would break the CLI's JSON on standard output: it is
    made with that descriptor pointed at /dev/null."""
    global _quiet
    if _quiet:
        return highspy.Highs()
    sys.stdout.flush()
    saved = os.dup(1)
    try:
        with open(os.devnull, "w") as null:
            os.dup2(null.fileno(), 1)
            h = highspy.Highs()
    finally:
        os.dup2(saved, 1)
        os.close(saved)
    _quiet = True
    return h


def _finite(a) -> np.ndarray:
    a = np.asarray(a, dtype=float)
    return np.where(np.isposinf(a), INF, np.where(np.isneginf(a), -INF, a))


class Model:
    """A linear or mixed-integer program in HiGHS, changed in place between solves."""

    def __init__(self, maximise: bool = False, presolve: bool = True, heuristics: bool = True):
        self.h = _new_highs()
        self.h.setOptionValue("output_flag", False)
        self.h.setOptionValue("mip_rel_gap", 0.0)
        # One thread: these programs are small, and a second thread only costs start-up.
        self.h.setOptionValue("threads", 1)
        if not presolve:
            self.h.setOptionValue("presolve", "off")
        if not heuristics:
            # The separation programs stop at their first point above a cut-off, and most
            # prove there is none; primal heuristics only spend time there (1.9x on 16
            # dumped programs from the 35-partner case).
            for option in (
                "mip_heuristic_run_rins",
                "mip_heuristic_run_rens",
                "mip_heuristic_run_root_reduced_cost",
                "mip_heuristic_run_feasibility_jump",
            ):
                self.h.setOptionValue(option, False)
            self.h.setOptionValue("mip_heuristic_effort", 0.0)
        if maximise:
            self.h.changeObjectiveSense(highspy.ObjSense.kMaximize)

    @property
    def rows(self) -> int:
        return self.h.getNumRow()

    @property
    def cols(self) -> int:
        return self.h.getNumCol()

    def add_cols(self, cost, lower, upper, integral: bool = False) -> np.ndarray:
        cost = np.atleast_1d(np.asarray(cost, dtype=float))
        k = len(cost)
        first = self.cols
        lower = np.broadcast_to(_finite(lower), (k,)).copy()
        upper = np.broadcast_to(_finite(upper), (k,)).copy()
        self.h.addVars(k, lower, upper)
        index = np.arange(first, first + k, dtype=np.int32)
        self.h.changeColsCost(k, index, cost)
        if integral:
            kind = np.array([highspy.HighsVarType.kInteger] * k)
            self.h.changeColsIntegrality(k, index, kind)
        return index

    def add_rows(self, A, lower, upper) -> np.ndarray:
        """Rows lower ≤ A z ≤ upper (A: dense or sparse, with at most ``cols`` columns)."""
        A = sparse.csr_array(A)
        k = A.shape[0]
        first = self.rows
        if k:
            self.h.addRows(
                k,
                np.broadcast_to(_finite(lower), (k,)).copy(),
                np.broadcast_to(_finite(upper), (k,)).copy(),
                A.nnz,
                A.indptr[:-1].astype(np.int32),
                A.indices.astype(np.int32),
                A.data.astype(float),
            )
        return np.arange(first, first + k, dtype=np.int32)

    def set_costs(self, cost, first: int = 0) -> None:
        cost = np.asarray(cost, dtype=float)
        index = np.arange(first, first + len(cost), dtype=np.int32)
        self.h.changeColsCost(len(cost), index, cost)

    def set_row_bounds(self, index, lower, upper) -> None:
        index = np.asarray(index, dtype=np.int32)
        k = len(index)
        self.h.changeRowsBounds(  # type: ignore[attr-defined]  # in highspy, not in its stubs
            k,
            index,
            np.broadcast_to(_finite(lower), (k,)).copy(),
            np.broadcast_to(_finite(upper), (k,)).copy(),
        )

    def truncate(self, rows: int, cols: int) -> None:
        """Remove the rows and columns added after the model had this many."""
        if self.rows > rows:
            extra = np.arange(rows, self.rows, dtype=np.int32)
            self.h.deleteRows(len(extra), extra)
        if self.cols > cols:
            extra = np.arange(cols, self.cols, dtype=np.int32)
            self.h.deleteCols(len(extra), extra)

    def first_above(self, target: float) -> np.ndarray | None:
        """The first solution found of a MIP whose rows already hold the objective above
        ``target``, or None when it is infeasible: any feasible point is an answer, so the
        search stops at the first (``mip_max_improving_sols``)."""
        self.h.setOptionValue("mip_max_improving_sols", 1)
        try:
            self.h.run()
        finally:
            self.h.setOptionValue("mip_max_improving_sols", 2147483647)
        status = self.h.getModelStatus()
        if status == highspy.HighsModelStatus.kInfeasible:
            return None
        if self.h.getInfo().primal_solution_status != 2:  # 2: feasible
            raise RuntimeError(f"HiGHS: {self.h.modelStatusToString(status)}")
        return np.array(self.h.getSolution().col_value)

    def solve(self) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """Column values, row duals and column duals of an optimal solution."""
        self.h.run()
        status = self.h.getModelStatus()
        if status != highspy.HighsModelStatus.kOptimal:
            raise RuntimeError(f"HiGHS: {self.h.modelStatusToString(status)}")
        solution = self.h.getSolution()
        return (
            np.array(solution.col_value),
            np.array(solution.row_dual),
            np.array(solution.col_dual),
        )
