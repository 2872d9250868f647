"""detente.events"""
