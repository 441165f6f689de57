"""The vanilla ``rasa init`` assistant, the baseline for the latency benchmark."""
