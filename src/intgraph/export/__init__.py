"""Exports of the landscape to other tools' formats, one module per format.

Every writer takes the plain :class:`~intgraph.export.landscape.ExportModel` built by
:func:`~intgraph.export.landscape.build_model` and returns text (or writes a folder), so
the same vault gives the same bytes.
"""
