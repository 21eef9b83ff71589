"""Cookies the site sets: never readable by scripts, never sent cross-site."""

from flask import current_app

DAY = 24 * 3600


def set_private_cookie(response, name, value, *, days=None):
    """`days=None` makes a cookie that ends when the browser closes."""
    response.set_cookie(
        name,
        value,
        max_age=days * DAY if days else None,
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


def forget_cookie(response, name):
    response.delete_cookie(
        name, secure=current_app.config["SESSION_COOKIE_SECURE"], httponly=True, samesite="Lax"
    )
    return response
