"""chronique's matrix products (``nlp.MatmulOps``): the same products as thinc's own, one BLAS thread."""

from __future__ import annotations

from typing import Any

import numpy
import pytest
import threadpoolctl
from thinc.api import NumpyOps

from chronique.analyzer import Analyzer
from chronique.nlp import MatmulOps

RNG = numpy.random.default_rng(7)
X = RNG.standard_normal((5, 3), dtype=numpy.float32)
Y = RNG.standard_normal((3, 4), dtype=numpy.float32)


@pytest.mark.parametrize(
    ("x", "y", "trans1", "trans2"),
    [
        (X, Y, False, False),
        (X.T.copy(), Y, True, False),
        (X, Y.T.copy(), False, True),
        (X.T.copy(), Y.T.copy(), True, True),
    ],
)
@pytest.mark.parametrize("into_out", [False, True])
def test_gemm_is_thincs(
    x: numpy.ndarray, y: numpy.ndarray, trans1: bool, trans2: bool, into_out: bool
) -> None:
    ours: Any = MatmulOps()  # thinc's array types are protocols numpy's arrays do not declare
    expected = NumpyOps().gemm(x, y, trans1=trans1, trans2=trans2)
    out = numpy.zeros((5, 4), dtype=numpy.float32) if into_out else None
    found = ours.gemm(x, y, out=out, trans1=trans1, trans2=trans2)
    assert found.shape == (5, 4)
    numpy.testing.assert_allclose(found, expected, rtol=1e-5, atol=1e-6)
    if out is not None:
        assert found is out


def test_the_pipeline_computes_with_it_on_one_blas_thread(analyzer: Analyzer) -> None:
    for name in ("tok2vec", "ner"):
        component: Any = analyzer.nlp.get_pipe(name)
        assert isinstance(component.model.ops, MatmulOps)
    blas = [pool for pool in threadpoolctl.threadpool_info() if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)
