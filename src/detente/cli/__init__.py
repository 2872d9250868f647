"""detente.cli"""
