"""Custom actions of Frag den Beirat (rasa_sdk), one module per topic.

The action server loads this package (``rasa run actions --actions bot.actions``);
rasa_sdk imports every submodule and registers each concrete Action subclass.
"""
