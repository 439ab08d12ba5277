from django.contrib.auth.decorators import login_required
from django.shortcuts import render


@login_required
def profile(request):
    roles = request.user.role_assignments.current().select_related("authority")
    return render(request, "accounts/profile.html", {"roles": roles})
