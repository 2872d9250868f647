"""detente.api"""
