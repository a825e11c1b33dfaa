"""`prefect.yaml`: a deployment of the real flow whose parameters the flow takes."""

import inspect

import yaml

from flows.pipeline import run_pipeline
from tests.conftest import REPO


def test_the_deployment_names_the_flow_and_only_parameters_it_takes():
    config = yaml.safe_load((REPO / "prefect.yaml").read_text())
    [deployment] = config["deployments"]
    path, _, name = deployment["entrypoint"].partition(":")
    assert (REPO / path).is_file() and name == run_pipeline.fn.__name__
    accepted = set(inspect.signature(run_pipeline.fn).parameters)
    assert set(deployment["parameters"]) <= accepted
    assert {"sources", "warehouse"} <= set(deployment["parameters"])
    assert all((REPO / source).exists() for source in deployment["parameters"]["sources"])
    assert deployment["schedules"] and deployment["concurrency_limit"] == 1
