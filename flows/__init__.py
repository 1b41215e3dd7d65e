"""Prefect orchestration of the chronique library (deployments are declared in ``prefect.yaml``)."""
