from django.urls import path

from . import views

app_name = "comments"
urlpatterns = [
    path("<int:page_id>/post/", views.post_comment, name="post"),
]
